using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// A subscription's address is confirmed from a link mailed to it before any morning e-mail goes there. Addresses
    /// subscribed before this migration are not confirmed either: the job mails each its link on its next pass.
    /// </summary>
    public partial class ReminderAddressConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmation_sent_at",
                table: "reminder_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                table: "reminder_subscriptions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmation_sent_at",
                table: "reminder_subscriptions");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "reminder_subscriptions");
        }
    }
}
