//! Styles from the config's theme; with NO_COLOR set, no colours at all (bold and reverse only).

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;

/// The styles the screens use.
#[derive(Clone, Debug)]
pub struct Styles {
    pub title: Style,
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub status: Style,
    pub selected: Style,
    /// A search match, and the current one.
    pub match_: Style,
    pub current_match: Style,
}

fn color(name: &str) -> Color {
    name.parse().unwrap_or(Color::Reset)
}

impl Styles {
    pub fn new(theme: &Theme, no_color: bool) -> Self {
        if no_color {
            return Styles {
                title: Style::new().add_modifier(Modifier::BOLD),
                text: Style::new(),
                dim: Style::new(),
                accent: Style::new().add_modifier(Modifier::BOLD),
                status: Style::new().add_modifier(Modifier::REVERSED),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                match_: Style::new().add_modifier(Modifier::UNDERLINED),
                current_match: Style::new().add_modifier(Modifier::REVERSED),
            };
        }
        Styles {
            title: Style::new()
                .fg(color(&theme.title))
                .add_modifier(Modifier::BOLD),
            text: Style::new().fg(color(&theme.text)),
            dim: Style::new().fg(color(&theme.dim)),
            accent: Style::new()
                .fg(color(&theme.accent))
                .add_modifier(Modifier::BOLD),
            status: Style::new()
                .fg(color(&theme.status_fg))
                .bg(color(&theme.status_bg)),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            match_: Style::new().fg(Color::Black).bg(color(&theme.accent)),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }
}
