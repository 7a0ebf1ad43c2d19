using DangVien.Core.Common;

namespace DangVien.Benchmarks;

/// <summary>A signed-in user as the services see one: the role assignments are read from the database like in the app.</summary>
internal sealed class BenchUser(string name, string userId) : ICurrentUser
{
    public string Name { get; } = name;

    public string? UserId { get; } = userId;

    public bool IsSystem => false;
}
