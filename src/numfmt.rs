//! Fast decimal formatting of the numbers that go into SVG attributes and path data.
//! Views write thousands of coordinates per render; Rust's float formatting (`{:.2}`,
//! `to_string`) is exact but slow in wasm, so coordinates are rounded onto an integer grid
//! and written digit by digit.

/// Writes `value` in decimal, zero-padded to at least `width` digits (1 to 20).
pub fn push_digits(out: &mut String, mut value: u64, width: usize) {
    let mut buffer = [b'0'; 20];
    let mut start = buffer.len();
    while value > 0 || buffer.len() - start < width.clamp(1, 20) {
        start -= 1;
        buffer[start] = b'0' + (value % 10) as u8;
        value /= 10;
    }
    // ASCII digits, so always valid UTF-8; one copy instead of a push per character.
    if let Ok(digits) = std::str::from_utf8(&buffer[start..]) {
        out.push_str(digits);
    }
}

/// Writes `value / 10^decimals` with trailing zeros trimmed: `(-5, 2)` → "-0.05",
/// `(1230, 2)` → "12.3", `(700, 2)` → "7".
pub fn push_scaled(out: &mut String, value: i64, decimals: u32) {
    let decimals = decimals.min(18);
    if value < 0 {
        out.push('-');
    }
    let unit = 10u64.pow(decimals);
    let magnitude = value.unsigned_abs();
    let (int, mut frac) = (magnitude / unit, magnitude % unit);
    push_digits(out, int, 1);
    if frac != 0 {
        let mut digits = decimals as usize;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        out.push('.');
        push_digits(out, frac, digits);
    }
}

/// `value` rounded to `decimals` places (at most 6), trailing zeros trimmed; "0" for a
/// value that is not finite or too large to be a coordinate.
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::with_capacity(12);
    push_fixed(&mut out, value, decimals);
    out
}

/// Writes what [`fixed`] returns.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32) {
    let decimals = decimals.min(6);
    let scaled = (value * 10f64.powi(decimals as i32)).round();
    if scaled.is_finite() && scaled.abs() < 1e15 {
        push_scaled(out, scaled as i64, decimals);
    } else {
        out.push('0');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_with_their_padding() {
        let mut out = String::new();
        for (value, width) in [(0, 1), (7, 1), (5, 3), (120, 2), (u64::MAX, 1)] {
            push_digits(&mut out, value, width);
            out.push(' ');
        }
        assert_eq!(out, format!("0 7 005 120 {} ", u64::MAX));
    }

    #[test]
    fn scaled_integers_read_as_decimals() {
        let cases = [
            (-5, 2, "-0.05"),
            (1230, 2, "12.3"),
            (700, 2, "7"),
            (0, 3, "0"),
            (-1, 0, "-1"),
        ];
        for (value, decimals, text) in cases {
            let mut out = String::new();
            push_scaled(&mut out, value, decimals);
            assert_eq!(out, text, "{value} / 10^{decimals}");
        }
    }

    #[test]
    fn floats_are_rounded_and_trimmed_like_the_standard_formatter() {
        for value in [
            0.0, 1.0, -2.5, 12.345, 12.344, 0.001, -0.004, 99999.999, 1e-9, 640.1,
        ] {
            let ours: f64 = fixed(value, 2).parse().unwrap();
            let std: f64 = format!("{value:.2}").parse().unwrap();
            assert!(
                (ours - std).abs() < 1e-9,
                "{value}: {} vs {std}",
                fixed(value, 2)
            );
        }
        assert_eq!(fixed(3.10, 2), "3.1");
        assert_eq!(fixed(-0.004, 2), "0");
    }

    #[test]
    fn values_that_are_not_coordinates_become_zero() {
        assert_eq!(fixed(f64::NAN, 2), "0");
        assert_eq!(fixed(f64::INFINITY, 1), "0");
        assert_eq!(fixed(1e300, 2), "0");
        // The limit is on the scaled value: 10^15 units is too large, one less is not.
        assert_eq!(fixed(1e15, 0), "0");
        assert_eq!(fixed(1e15 - 1.0, 0), "999999999999999");
        assert_eq!(fixed(1e13, 2), "0");
    }
}
