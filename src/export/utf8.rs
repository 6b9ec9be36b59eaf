//! An `io::Write` over a `fmt::Formatter`, so serializers that write bytes (serde_json) can stream into a `Display` impl without building a `String` first.

use std::fmt;
use std::io;

/// Buffers bytes and hands them to a [`fmt::Formatter`] as `&str`, cutting
/// only at UTF-8 character boundaries (a character split across two
/// `write` calls is held until it is whole).
///
/// Bytes that are not UTF-8 give an [`io::ErrorKind::InvalidData`] error;
/// a formatter error gives [`io::ErrorKind::Other`]. Call [`FmtWriter::finish`]
/// at the end to flush what is held.
pub(crate) struct FmtWriter<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    held: Vec<u8>,
}

/// Bytes buffered before they are passed on (64 KiB).
const CHUNK: usize = 1 << 16;

impl<'a, 'b> FmtWriter<'a, 'b> {
    pub(crate) fn new(f: &'a mut fmt::Formatter<'b>) -> Self {
        FmtWriter {
            f,
            held: Vec::with_capacity(CHUNK),
        }
    }

    /// Passes on every whole character held; keeps an incomplete tail.
    fn pass_on(&mut self) -> io::Result<()> {
        let valid = match std::str::from_utf8(&self.held) {
            Ok(s) => s.len(),
            // An incomplete character at the end: keep it for the next write.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(self.held.get(..valid).unwrap_or_default())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        self.f
            .write_str(text)
            .map_err(|_| io::Error::other("formatter error"))?;
        self.held.drain(..valid);
        Ok(())
    }

    /// Flushes everything held.
    ///
    /// # Errors
    /// `fmt::Error` when the formatter fails or a character was left
    /// incomplete at the end.
    pub(crate) fn finish(mut self) -> fmt::Result {
        self.pass_on().map_err(|_| fmt::Error)?;
        if self.held.is_empty() {
            Ok(())
        } else {
            Err(fmt::Error)
        }
    }
}

impl io::Write for FmtWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        if self.held.len() >= CHUNK {
            self.pass_on()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on()
    }
}

#[cfg(test)]
mod tests {
    use super::FmtWriter;
    use std::fmt;
    use std::io::Write;

    /// Writes `parts` one `write` call each through a [`FmtWriter`].
    struct Parts<'a>(&'a [&'a [u8]]);

    impl fmt::Display for Parts<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut w = FmtWriter::new(f);
            for p in self.0 {
                w.write_all(p).map_err(|_| fmt::Error)?;
            }
            w.finish()
        }
    }

    fn check(parts: &[&[u8]], expect: Option<&str>) {
        let mut out = String::new();
        let got = fmt::write(&mut out, format_args!("{}", Parts(parts)))
            .ok()
            .map(|_| out.as_str());
        assert_eq!(got, expect);
    }

    #[test]
    fn characters_split_across_writes_are_joined() {
        let e = "é→𝔸".as_bytes();
        // Every split point of the bytes, including inside characters.
        for i in 0..=e.len() {
            let (a, b) = e.split_at(i);
            check(&[a, b], Some("é→𝔸"));
        }
    }

    #[test]
    fn invalid_or_unfinished_utf8_is_an_error() {
        check(&[b"ok", &[0xff]], None);
        check(&[b"ok", &[0xe2, 0x86]], None);
    }

    #[test]
    fn long_text_passes_through_in_chunks() {
        let long = "ab€".repeat(50_000);
        check(&[long.as_bytes()], Some(long.as_str()));
    }
}
