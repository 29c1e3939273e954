//! Label size estimates without measuring text.
//!
//! The layouts run before anything is in the DOM (and natively in tests), so they cannot ask
//! the browser for text metrics. A per-character width class is accurate to roughly ±15 % for
//! the sans-serif UI font, which is enough to keep labels apart; the placers add padding.

/// Width of one character in em for a proportional sans-serif font, by rough class.
fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if is_zero_width(c) {
        0.0
    } else if matches!(
        c,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')' | ' '
    ) {
        0.3
    } else if matches!(c, 'm' | 'w' | 'M' | 'W' | '—' | '@') {
        0.85
    } else if c.is_uppercase() {
        0.68
    } else {
        0.56
    }
}

/// Full-width scripts: CJK ideographs, kana, Hangul and full-width forms take a whole em,
/// which is why Chinese and Korean names need wider labels than their char count suggests.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F      // Hangul Jamo (leading consonants)
        | 0x2E80..=0x303E    // CJK radicals, symbols and punctuation
        | 0x3041..=0x33FF    // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xA960..=0xA97F    // Hangul Jamo extended A
        | 0xAC00..=0xD7FF    // Hangul syllables and Jamo extended B
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFF60    // full-width ASCII variants
        | 0xFFE0..=0xFFE6    // full-width signs
        | 0x20000..=0x3FFFD  // CJK extensions B and later
    )
}

/// Combining marks and joiners add no advance of their own.
fn is_zero_width(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F)
}

/// Estimated rendered width in px of `text` at `font_px` (CSS font-size).
pub fn estimate_label_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// Line box height in px for one line of text at `font_px`, matching a 1.2 line-height.
pub fn label_height(font_px: f64) -> f64 {
    font_px * 1.2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_no_width() {
        assert_eq!(estimate_label_width("", 12.0), 0.0);
    }

    #[test]
    fn width_scales_with_font_size_and_length() {
        let small = estimate_label_width("Medvedev", 10.0);
        let large = estimate_label_width("Medvedev", 20.0);
        assert!((large - 2.0 * small).abs() < 1e-9);
        assert!(
            estimate_label_width("Medvedev visits", 12.0) > estimate_label_width("Medvedev", 12.0)
        );
        // A plausible absolute value: 8 Latin letters at 12 px are about 45–60 px wide.
        assert!((40.0..65.0).contains(&estimate_label_width("Medvedev", 12.0)));
    }

    #[test]
    fn cjk_and_hangul_are_wider_than_latin_per_char() {
        let latin = estimate_label_width("Hu", 12.0);
        assert_eq!(estimate_label_width("胡锦", 12.0), 24.0);
        assert_eq!(estimate_label_width("연평", 12.0), 24.0);
        assert_eq!(estimate_label_width("メド", 12.0), 24.0);
        assert!(estimate_label_width("胡锦", 12.0) > latin);
    }

    #[test]
    fn narrow_and_wide_latin_letters_differ() {
        assert!(estimate_label_width("iiii", 12.0) < estimate_label_width("nnnn", 12.0));
        assert!(estimate_label_width("nnnn", 12.0) < estimate_label_width("MMMM", 12.0));
        // Combining acute accent adds nothing.
        assert_eq!(
            estimate_label_width("e\u{301}", 12.0),
            estimate_label_width("e", 12.0)
        );
    }

    #[test]
    fn line_height_is_proportional() {
        assert!((label_height(10.0) - 12.0).abs() < 1e-9);
    }
}
