//! Sentence segmentation that survives `Inc.`, `Mr.`, `U.S.`, `No.`, initials, decimals and bullets; sentences never cross a line (a line is a paragraph, heading or table row).

/// A sentence of the normalized text: byte range and the line it sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte in the document text.
    pub end: usize,
    /// Index of the line (paragraph) that holds it, counting non-empty lines from 0.
    pub line: usize,
    /// True for the first sentence of its line.
    pub line_start: bool,
}

/// The longest of [`is_abbreviation`]'s words, in bytes.
const MAX_ABBREVIATION: usize = 6;

/// Abbreviations after which a period does not end a sentence (lowercased,
/// without the period): the company suffixes ([`is_company_suffix`]) and
/// the words below. A `match` compiles to a switch on the length and a
/// few word-sized comparisons, where a list would be compared entry by entry.
fn is_abbreviation(lw: &[u8]) -> bool {
    is_company_suffix(lw)
        || matches!(
            lw,
            b"mr"
                | b"mrs"
                | b"ms"
                | b"dr"
                | b"prof"
                | b"no"
                | b"nos"
                | b"vs"
                | b"v"
                | b"e.g"
                | b"i.e"
                | b"u.s"
                | b"u.k"
                | b"u.s.a"
                | b"st"
                | b"jr"
                | b"sr"
                | b"approx"
                | b"est"
                | b"fig"
                | b"al"
                | b"etc"
                | b"dept"
                | b"univ"
                | b"p.a"
                | b"ph.d"
                | b"m.d"
                | b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"sept"
                | b"oct"
                | b"nov"
                | b"dec"
                | b"mt"
                | b"ft"
                | b"ave"
                | b"blvd"
                | b"rd"
                | b"ste"
                | b"vol"
                | b"ref"
                | b"cf"
        )
}

/// Company suffixes among the abbreviations (lowercased, without the period).
fn is_company_suffix(lw: &[u8]) -> bool {
    matches!(
        lw,
        b"inc"
            | b"corp"
            | b"ltd"
            | b"co"
            | b"llc"
            | b"l.p"
            | b"s.a"
            | b"n.v"
            | b"s.p.a"
            | b"plc"
            | b"a.s"
            | b"b.v"
            | b"gmbh"
    )
}

/// Splits `text` into sentences. Each line is split on `.`, `!` or `?`
/// followed by white space and an uppercase letter, digit, quote or bullet,
/// unless the word before the period is a known abbreviation or a single
/// capital letter (an initial). Leading and trailing white space is trimmed
/// from each sentence; empty sentences are dropped.
///
/// # Example
/// ```
/// use pipegraph::extract::sentences::split;
/// let t = "Acme, Inc. reported results. Mr. Junius said U.S. sales grew 2.5%.\nNext line";
/// let s: Vec<&str> = split(t).iter().map(|s| &t[s.start..s.end]).collect();
/// assert_eq!(s, ["Acme, Inc. reported results.", "Mr. Junius said U.S. sales grew 2.5%.", "Next line"]);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_no = 0usize;
    let mut pos = 0usize;
    // Every `.`, `!` or `?` of the text, in order (no other byte can end a
    // sentence), from one search over the whole text: a search per line
    // would cost a call that finds nothing at every line's end.
    let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).peekable();
    for line in super::lines_inclusive(text) {
        let line_off = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let body_end = line_off + body.len();
        if body.trim_start().is_empty() {
            continue;
        }
        let mut first = true;
        let mut start = 0usize;
        let bytes = body.as_bytes();
        // The first byte of `body` that may still end a sentence.
        let mut i = 0usize;
        // The marks of this line (a blank line holds none).
        while let Some(k) = marks.next_if(|&k| k < body_end) {
            let Some(k) = k.checked_sub(line_off).filter(|&k| k >= i) else {
                continue;
            };
            i = k;
            if is_boundary(body, i) {
                let end = i + 1;
                // Include closing quotes/parentheses.
                let mut e = end;
                while let Some(&c) = bytes.get(e) {
                    if c == b'"' || c == b')' || c == b'\'' {
                        e += 1;
                    } else {
                        break;
                    }
                }
                push(&mut out, body, line_off, start, e, line_no, &mut first);
                start = e;
                i = e;
                continue;
            }
            i += 1;
        }
        push(
            &mut out,
            body,
            line_off,
            start,
            body.len(),
            line_no,
            &mut first,
        );
        line_no += 1;
    }
    out
}

fn push(
    out: &mut Vec<Sentence>,
    body: &str,
    line_off: usize,
    s: usize,
    e: usize,
    line: usize,
    first: &mut bool,
) {
    let Some(seg) = body.get(s..e) else { return };
    let rest = seg.trim_start();
    if rest.is_empty() {
        return;
    }
    let lead = seg.len() - rest.len();
    let trail = rest.len() - rest.trim_end().len();
    out.push(Sentence {
        start: line_off + s + lead,
        end: line_off + e - trail,
        line,
        line_start: *first,
    });
    *first = false;
}

/// Is the punctuation at byte `i` of `line` a sentence end?
fn is_boundary(line: &str, i: usize) -> bool {
    match word_before_period(line, i) {
        Err(ends) => ends,
        Ok((word, nc)) => word_ends_sentence(word, nc),
    }
}

/// What settles whether the punctuation at byte `i` of `line` ends a
/// sentence without looking at the word before it (`Err` with the answer),
/// else that word before the period and the first char after the gap
/// (`Ok`).
fn word_before_period(line: &str, i: usize) -> Result<(&str, char), bool> {
    let rest = line.get(i + 1..).unwrap_or("");
    // Skip closing quotes/brackets, then require white space.
    let rest_trim = rest.trim_start_matches(['"', '\'', ')', '”', '’']);
    if !rest_trim.starts_with([' ', '\t']) && !rest_trim.is_empty() {
        return Err(false);
    }
    let next = rest_trim.trim_start();
    let Some(nc) = next.chars().next() else {
        return Err(true);
    };
    if !(nc.is_uppercase()
        || nc.is_ascii_digit()
        || matches!(
            nc,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '•' | '·' | '-' | '—' | '$' | '€'
        ))
    {
        return Err(false);
    }
    if line.as_bytes().get(i) != Some(&b'.') {
        return Err(true);
    }
    // The word before the period.
    let before = line.get(..i).unwrap_or("");
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map(|p| p + 1)
        .unwrap_or(0);
    match before.get(word_start..).unwrap_or("") {
        "" => Err(true),
        word => Ok((word, nc)),
    }
}

/// Whether a period after `word` ends the sentence, `nc` being the first
/// char after it: not after an abbreviation or an initial, but after a
/// company suffix before a capital.
fn word_ends_sentence(word: &str, nc: char) -> bool {
    // The word lowercased, from its first ASCII letter or digit (ASCII
    // lowercasing keeps every byte where it is, so trimming first is the
    // same); no abbreviation is longer than `MAX_ABBREVIATION` bytes.
    let w = word
        .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
        .as_bytes();
    let mut buf = [0u8; MAX_ABBREVIATION];
    if let Some(lw) = buf.get_mut(..w.len()) {
        lw.copy_from_slice(w);
        lw.make_ascii_lowercase();
        // "Acme GmbH. The company ...": a company suffix ends a sentence before
        // a capitalized word, but not before "(" ("Acme, Inc. (Nasdaq: ACME)").
        if is_company_suffix(lw) && nc.is_uppercase() {
            return true;
        }
        if is_abbreviation(lw) {
            // "Inc." at the end of a sentence followed by a new sentence is rare
            // enough; but "Inc. (Nasdaq" is common. Keep going.
            return false;
        }
    }
    !is_initial(word)
}

/// A single capital letter: an initial ("David B. Johnston").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Abbreviations after which a period does not end a sentence (lowercased, without the period).
    const ABBREVIATIONS: &[&str] = &[
        "inc", "corp", "ltd", "co", "mr", "mrs", "ms", "dr", "prof", "no", "nos", "vs", "v", "e.g",
        "i.e", "u.s", "u.k", "u.s.a", "st", "jr", "sr", "approx", "est", "fig", "al", "etc",
        "dept", "univ", "llc", "l.p", "s.a", "n.v", "p.a", "s.p.a", "plc", "ph.d", "m.d", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
        "ave", "blvd", "rd", "ste", "vol", "ref", "cf", "a.s", "b.v", "gmbh",
    ];

    /// Company suffixes among the abbreviations (lowercased, without the period).
    const COMPANY_SUFFIXES: &[&str] = &[
        "inc", "corp", "ltd", "co", "llc", "l.p", "s.a", "n.v", "s.p.a", "plc", "a.s", "b.v",
        "gmbh",
    ];

    /// `is_boundary` with the word lists searched entry by entry and the
    /// word lowercased into a new string, as first written: the reference
    /// for [`word_ends_sentence`].
    fn is_boundary_reference(line: &str, i: usize) -> bool {
        let (word, nc) = match word_before_period(line, i) {
            Err(ends) => return ends,
            Ok(x) => x,
        };
        let lw = word.to_ascii_lowercase();
        let lw = lw.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
        if COMPANY_SUFFIXES.contains(&lw) && nc.is_uppercase() {
            return true;
        }
        if ABBREVIATIONS.contains(&lw) {
            return false;
        }
        !is_initial(word)
    }

    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split(text)
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or(""))
            .collect();
        assert_eq!(got, expect);
    }

    /// The per-byte loop `split` had before it jumped with `memchr3`: the
    /// reference for the fast path.
    fn split_bytewise(text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut line_no = 0usize;
        let mut pos = 0usize;
        for line in text.split_inclusive('\n') {
            let line_off = pos;
            pos += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                continue;
            }
            let mut first = true;
            let mut start = 0usize;
            let bytes = body.as_bytes();
            let mut i = 0usize;
            while i < bytes.len() {
                let b = bytes.get(i).copied().unwrap_or(0);
                if matches!(b, b'.' | b'!' | b'?') && is_boundary_reference(body, i) {
                    let mut e = i + 1;
                    while let Some(&c) = bytes.get(e) {
                        if c == b'"' || c == b')' || c == b'\'' {
                            e += 1;
                        } else {
                            break;
                        }
                    }
                    push(&mut out, body, line_off, start, e, line_no, &mut first);
                    start = e;
                    i = e;
                    continue;
                }
                i += 1;
            }
            push(
                &mut out,
                body,
                line_off,
                start,
                body.len(),
                line_no,
                &mut first,
            );
            line_no += 1;
        }
        out
    }

    /// The `memchr3` jump finds the sentences the per-byte loop finds, on
    /// the sample filings and on edge cases: sentence ends at line and text
    /// ends, runs of `.!?`, closing quotes, CRLF, multi-byte characters next
    /// to the punctuation.
    #[test]
    fn jumping_to_punctuation_agrees_with_the_bytewise_loop() {
        let mut texts = super::super::sample_filings();
        texts.extend(
            [
                "",
                ".",
                "?!",
                "Done.",
                "A. B! C? D",
                "Wait... What?! Yes.\r\nNext.\r\n",
                "He said \"go.\" Then left.) (Or not.) 'Fine.' End",
                "Caf\u{e9}. \u{c9}t\u{e9}. \u{17f}. \u{212a}. Done.\u{201d} Next.",
                "U.S.\u{201d} Sales rose. No. 5. Acme GmbH. The end. Acme Inc. (Nasdaq) x.",
                "2.5 million. 3. Item. \u{2022} bullet. \u{2014} dash. $5. \u{20ac}6.",
                "trailing.   \n\n  \t.\n. .\nlast line without end",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(split(t), split_bytewise(t), "{t:?}");
        }
    }

    /// The `match`es hold exactly the listed words: every listed word, and
    /// no other word of the sample filings (lowercased, trimmed as
    /// `is_boundary` trims it) or of a few near misses.
    #[test]
    fn word_matches_are_the_lists() {
        assert!(ABBREVIATIONS.iter().all(|w| w.len() <= MAX_ABBREVIATION));
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|w| w.to_string()).collect();
        for t in super::super::sample_filings() {
            words.extend(t.split_whitespace().map(|w| {
                w.to_ascii_lowercase()
                    .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
                    .trim_end_matches('.')
                    .to_string()
            }));
        }
        words.extend(
            ["", "i", "in", "incs", "u.s.", "gmb", "aprx", "s.p", "sept."].map(String::from),
        );
        for w in &words {
            assert_eq!(
                is_abbreviation(w.as_bytes()),
                ABBREVIATIONS.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                is_company_suffix(w.as_bytes()),
                COMPANY_SUFFIXES.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }

    proptest::proptest! {
        /// `split` finds the sentences the per-byte loop with the first
        /// `is_boundary` and `push` finds, on text built from words,
        /// abbreviations in several cases, punctuation, quotes, blanks,
        /// line breaks and non-ASCII chars.
        #[test]
        fn split_agrees_with_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Zentrix", "gained", "5", "2.5", ".", "!", "?", "...", " ", "  ", "\t",
                    "\n", "\r\n", "\"", "'", ")", "(", "\u{201d}", "\u{2019}", "\u{201c}",
                    "Inc", "INC", "inc", "Corp", "GmbH", "S.p.A", "U.S", "u.s.a", "Approx",
                    "APPROXI", "No", "B", "\u{c9}", "\u{e9}t\u{e9}", "\u{a0}", "\u{2022}",
                    "\u{2014}", "$", "\u{20ac}", "-", "[", "Ph.D", "e.g",
                ]),
                0..40,
            )
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(split(&t), split_bytewise(&t), "{:?}", t);
        }
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        check(
            "Date: January 31, 2014 /s/ David B. Johnston signed. Next.",
            &[
                "Date: January 31, 2014 /s/ David B. Johnston signed.",
                "Next.",
            ],
        );
        check(
            "Genentech, Inc. (Nasdaq: DNA) and Bayer Corp. agreed. No. 5 is next.",
            &[
                "Genentech, Inc. (Nasdaq: DNA) and Bayer Corp. agreed.",
                "No. 5 is next.",
            ],
        );
    }

    #[test]
    fn decimals_and_lines() {
        check(
            "Revenues were $2.5 million. Costs rose.\n\nA heading\n",
            &["Revenues were $2.5 million.", "Costs rose.", "A heading"],
        );
    }

    #[test]
    fn quotes_close_sentences() {
        check(
            "\"We expect growth.\" said the CEO. It grew.",
            &["\"We expect growth.\" said the CEO.", "It grew."],
        );
    }
}
