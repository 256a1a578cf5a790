//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`).

use std::borrow::Cow;

/// Named references news pages actually use. The full HTML table has 2,231
/// entries; the rare ones are left undecoded rather than carried along.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{A0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200C}"),
    ("zwj", "\u{200D}"),
    ("shy", "\u{AD}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("prime", "′"),
    ("Prime", "″"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("sect", "§"),
    ("para", "¶"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("permil", "‰"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("micro", "µ"),
    ("acute", "´"),
    ("uml", "¨"),
    ("cedil", "¸"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("minus", "−"),
    ("Agrave", "À"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Aring", "Å"),
    ("AElig", "Æ"),
    ("Ccedil", "Ç"),
    ("Egrave", "È"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Euml", "Ë"),
    ("Igrave", "Ì"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Iuml", "Ï"),
    ("Ntilde", "Ñ"),
    ("Ograve", "Ò"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Oslash", "Ø"),
    ("Ugrave", "Ù"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("szlig", "ß"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("egrave", "è"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("igrave", "ì"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("ograve", "ò"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("oslash", "ø"),
    ("ugrave", "ù"),
    ("uacute", "ú"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("yuml", "ÿ"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("zcaron", "ž"),
    ("Zcaron", "Ž"),
    ("oelig", "œ"),
    ("OElig", "Œ"),
];

/// Legacy names that browsers accept without the closing `;`.
const NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// The Windows-1252 characters that numeric references 0x80–0x9F stand for (the
/// HTML standard maps them so, since pages written in that code page use them).
pub(crate) const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn numeric(digits: &str, hex: bool) -> Option<char> {
    let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok()?;
    Some(match n {
        0 => '\u{FFFD}',
        0x80..=0x9F => CP1252_HIGH[(n - 0x80) as usize],
        _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
    })
}

/// Decodes the character reference at the start of `s` (just after `&`):
/// the replacement and the number of bytes of `s` it used.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    if let Some(rest) = s.strip_prefix('#') {
        let (hex, body) = match rest.strip_prefix(['x', 'X']) {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let len = body
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 || len > 8 {
            return None;
        }
        let c = numeric(&body[..len], hex)?;
        let mut used = 1 + usize::from(hex) + len;
        if body[len..].starts_with(';') {
            used += 1;
        }
        return Some((Cow::Owned(c.to_string()), used));
    }
    let len = s.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = &s[..len];
    let (_, value) = NAMED.iter().find(|(n, _)| *n == name)?;
    if s[len..].starts_with(';') {
        Some((Cow::Borrowed(value), len + 1))
    } else if NO_SEMICOLON.contains(&name) {
        Some((Cow::Borrowed(value), len))
    } else {
        None
    }
}

/// Replaces character references in `s`; unknown ones are left as written.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match reference(after) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references() {
        assert_eq!(
            decode("Tom &amp; Jerry&rsquo;s &#8220;x&#x201D; &#150; &bogus; & &nbsp"),
            "Tom & Jerry’s “x” – &bogus; & \u{A0}"
        );
        assert_eq!(decode("AT&T"), "AT&T");
    }
}
