using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:vi", "vi-VN,vi-VN,icu,True")
                .Annotation("Npgsql:PostgresExtension:ltree", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "vi"),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "vi"),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    has_admission_authority = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_units_org_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_holidays", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "source_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_unit_placements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_unit_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_unit_placements_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_org_unit_placements_org_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quotas",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    assigned_by_unit_id = table.Column<int>(type: "integer", nullable: true),
                    assigned_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotas", x => x.id);
                    table.CheckConstraint("ck_quotas_total", "total >= 0");
                    table.ForeignKey(
                        name: "fk_quotas_org_units_assigned_by_unit_id",
                        column: x => x.assigned_by_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotas_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<short>(type: "smallint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_assignments_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_assignments_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rule_parameters",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: true),
                    value = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_parameters", x => x.id);
                    table.ForeignKey(
                        name: "fk_rule_parameters_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quota_category_targets",
                columns: table => new
                {
                    quota_id = table.Column<int>(type: "integer", nullable: false),
                    source_category_id = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_category_targets", x => new { x.quota_id, x.source_category_id });
                    table.ForeignKey(
                        name: "fk_quota_category_targets_quotas_quota_id",
                        column: x => x.quota_id,
                        principalTable: "quotas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quota_category_targets_source_categories_source_category_id",
                        column: x => x.source_category_id,
                        principalTable: "source_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "candidate_categories",
                columns: table => new
                {
                    candidate_id = table.Column<int>(type: "integer", nullable: false),
                    source_category_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_categories", x => new { x.candidate_id, x.source_category_id });
                    table.ForeignKey(
                        name: "fk_candidate_categories_source_categories_source_category_id",
                        column: x => x.source_category_id,
                        principalTable: "source_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "vi"),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<short>(type: "smallint", nullable: false),
                    ethnicity = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    religion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    home_town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    citizen_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    general_education = table.Column<short>(type: "smallint", nullable: false),
                    professional_qualification = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    political_theory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occupation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    family_background = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    mentor_member_id = table.Column<int>(type: "integer", nullable: true),
                    former_member_id = table.Column<int>(type: "integer", nullable: true),
                    stage = table.Column<short>(type: "smallint", nullable: false),
                    stage_since = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidates_org_units_cell_id",
                        column: x => x.cell_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "vi"),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<short>(type: "smallint", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recognised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    barred_from_readmission = table.Column<bool>(type: "boolean", nullable: false),
                    had_criminal_conviction = table.Column<bool>(type: "boolean", nullable: false),
                    candidate_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_members_org_units_cell_id",
                        column: x => x.cell_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stage_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    candidate_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    form_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    document_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    unit_id = table.Column<int>(type: "integer", nullable: true),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    document_date = table.Column<DateOnly>(type: "date", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_working_days = table.Column<int>(type: "integer", nullable: true),
                    introduction_basis = table.Column<short>(type: "smallint", nullable: true),
                    exit_reason = table.Column<short>(type: "smallint", nullable: true),
                    exception_kind = table.Column<short>(type: "smallint", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    supersedes_id = table.Column<long>(type: "bigint", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stage_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_stage_entries_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_entries_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_entries_org_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_entries_stage_entries_supersedes_id",
                        column: x => x.supersedes_id,
                        principalTable: "stage_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cell_votes",
                columns: table => new
                {
                    stage_entry_id = table.Column<long>(type: "bigint", nullable: false),
                    official_members = table.Column<int>(type: "integer", nullable: false),
                    present = table.Column<int>(type: "integer", nullable: false),
                    in_favour = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cell_votes", x => x.stage_entry_id);
                    table.CheckConstraint("ck_cell_votes_counts", "present >= 0 AND in_favour >= 0 AND in_favour <= present AND official_members >= 0");
                    table.ForeignKey(
                        name: "fk_cell_votes_stage_entries_stage_entry_id",
                        column: x => x.stage_entry_id,
                        principalTable: "stage_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "introducers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stage_entry_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    known_since = table.Column<DateOnly>(type: "date", nullable: false),
                    is_replacement = table.Column<bool>(type: "boolean", nullable: false),
                    replaces_member_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_introducers", x => x.id);
                    table.ForeignKey(
                        name: "fk_introducers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_introducers_members_replaces_member_id",
                        column: x => x.replaces_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_introducers_stage_entries_stage_entry_id",
                        column: x => x.stage_entry_id,
                        principalTable: "stage_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "asp_net_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_at",
                table: "audit_entries",
                columns: new[] { "subject", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_candidate_categories_source_category_id",
                table: "candidate_categories",
                column: "source_category_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_cell_id_stage",
                table: "candidates",
                columns: new[] { "cell_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_citizen_id",
                table: "candidates",
                column: "citizen_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_former_member_id",
                table: "candidates",
                column: "former_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_full_name_date_of_birth",
                table: "candidates",
                columns: new[] { "full_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_mentor_member_id",
                table: "candidates",
                column: "mentor_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_introducers_member_id",
                table: "introducers",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_introducers_replaces_member_id",
                table: "introducers",
                column: "replaces_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_introducers_stage_entry_id",
                table: "introducers",
                column: "stage_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_candidate_id",
                table: "members",
                column: "candidate_id",
                unique: true,
                filter: "candidate_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_members_cell_id_status",
                table: "members",
                columns: new[] { "cell_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_members_citizen_id",
                table: "members",
                column: "citizen_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_placements_org_unit_id_valid_from",
                table: "org_unit_placements",
                columns: new[] { "org_unit_id", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_placements_parent_id",
                table: "org_unit_placements",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_placements_path",
                table: "org_unit_placements",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_org_units_code",
                table: "org_units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_units_parent_id",
                table: "org_units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_units_path",
                table: "org_units",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_quota_category_targets_source_category_id",
                table: "quota_category_targets",
                column: "source_category_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_assigned_by_unit_id",
                table: "quotas",
                column: "assigned_by_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_org_unit_id_year",
                table: "quotas",
                columns: new[] { "org_unit_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_org_unit_id",
                table: "role_assignments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_user_id_org_unit_id_role",
                table: "role_assignments",
                columns: new[] { "user_id", "org_unit_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rule_parameters_key_org_unit_id",
                table: "rule_parameters",
                columns: new[] { "key", "org_unit_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_rule_parameters_org_unit_id",
                table: "rule_parameters",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_source_categories_code",
                table: "source_categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_candidate_id_id",
                table: "stage_entries",
                columns: new[] { "candidate_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_kind_effective_on",
                table: "stage_entries",
                columns: new[] { "kind", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_member_id",
                table: "stage_entries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_supersedes_id",
                table: "stage_entries",
                column: "supersedes_id",
                unique: true,
                filter: "supersedes_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_unit_id",
                table: "stage_entries",
                column: "unit_id");

            migrationBuilder.AddForeignKey(
                name: "fk_candidate_categories_candidates_candidate_id",
                table: "candidate_categories",
                column: "candidate_id",
                principalTable: "candidates",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_candidates_members_former_member_id",
                table: "candidates",
                column: "former_member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_candidates_members_mentor_member_id",
                table: "candidates",
                column: "mentor_member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_members_candidates_candidate_id",
                table: "members");

            migrationBuilder.DropTable(
                name: "asp_net_user_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_logins");

            migrationBuilder.DropTable(
                name: "asp_net_user_tokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "candidate_categories");

            migrationBuilder.DropTable(
                name: "cell_votes");

            migrationBuilder.DropTable(
                name: "introducers");

            migrationBuilder.DropTable(
                name: "org_unit_placements");

            migrationBuilder.DropTable(
                name: "public_holidays");

            migrationBuilder.DropTable(
                name: "quota_category_targets");

            migrationBuilder.DropTable(
                name: "role_assignments");

            migrationBuilder.DropTable(
                name: "rule_parameters");

            migrationBuilder.DropTable(
                name: "stage_entries");

            migrationBuilder.DropTable(
                name: "quotas");

            migrationBuilder.DropTable(
                name: "source_categories");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "org_units");
        }
    }
}
