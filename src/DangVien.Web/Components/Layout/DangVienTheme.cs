using MudBlazor;

namespace DangVien.Web.Components.Layout;

/// <summary>
/// The app's MudBlazor theme: the party red and gold of site.css, and system fonts that carry Vietnamese
/// (no web font is downloaded; Debian's DejaVu and Noto, Windows' Segoe UI have every letter).
/// </summary>
public static class DangVienTheme
{
    public static readonly string[] Fonts = ["system-ui", "Segoe UI", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#a50e1a",
            PrimaryDarken = "#7c0a13",
            Secondary = "#f2c230",
            SecondaryContrastText = "#1d1d1f",
            AppbarBackground = "#a50e1a",
            AppbarText = "#ffffff",
            Background = "#faf8f5",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d1d1f",
            DrawerIcon = "#7c0a13",
            TextPrimary = "#1d1d1f",
            TextSecondary = "#4a4a50",
            LinesDefault = "#d9d6d0",
            Success = "#1f7a3a",
            Warning = "#9a5b00",
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "240px", AppbarHeight = "56px" },
    };
}
