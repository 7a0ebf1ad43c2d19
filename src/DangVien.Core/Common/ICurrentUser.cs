namespace DangVien.Core.Common;

/// <summary>Who is acting. The web layer supplies it from the sign-in; recorded on every history entry.</summary>
public interface ICurrentUser
{
    /// <summary>The user name recorded as "recorded by".</summary>
    string Name { get; }

    /// <summary>The signed-in user's id; null for the system (start-up, command line) and for anonymous requests.</summary>
    string? UserId { get; }

    /// <summary>The system itself (seeding, command line, tests of rules): sees and may do everything.</summary>
    bool IsSystem { get; }
}

/// <summary>The system acting under a fixed name: start-up, the command line, and tests of the rules.</summary>
public sealed class SystemUser(string name = "hệ thống") : ICurrentUser
{
    public string Name { get; } = name;

    public string? UserId => null;

    public bool IsSystem => true;
}
