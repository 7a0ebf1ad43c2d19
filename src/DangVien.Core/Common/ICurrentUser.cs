namespace DangVien.Core.Common;

/// <summary>Who is acting: recorded on every history entry. The web layer supplies it from the sign-in.</summary>
public interface ICurrentUser
{
    /// <summary>The user name recorded as "recorded by".</summary>
    string Name { get; }
}

/// <summary>A fixed user, for the command line, seeding and tests.</summary>
public sealed class FixedUser(string name) : ICurrentUser
{
    public string Name { get; } = name;
}
