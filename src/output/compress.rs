//! Precompressed copies for web servers (`build --compress`): beside each text file of a site,
//! `<file>.br` (Brotli) and `<file>.gz` (gzip), so a server configured for it (nginx
//! `gzip_static`/`brotli_static`, Caddy `precompressed`, Apache with a rewrite rule) sends them
//! as they are instead of compressing the same page again on every request, and can afford the
//! strongest settings because the work is done once, at build time. A file's bytes go in; the
//! extra files come out; the writer puts them beside the original.
//!
//! What gets copies: HTML, CSS, JavaScript (the search client and the search index, which is
//! scripts under `sog/index/`), JSON (`kurser.json`), XML (sitemap, feed), SVG (the icon and
//! logos, which are XML too) and iCalendar files — text that shrinks to a fifth or less. Images
//! other than SVG are compressed already, and `robots.txt` is too small to matter.

/// Files smaller than this get no copies: below it the copy saves a few dozen bytes of a
/// response that fits in one network packet anyway, and costs two more files. (The redirect
/// pages and `robots.txt` are about this size; every real page is far above it.)
pub const MIN_BYTES: usize = 256;

/// Brotli's quality, 0–11. Measured on every text file of a generated 10,000-page site
/// (15,455 files, 131 MB; one thread, window as in [`window_bits`]): quality 5 took 4.7 s and
/// left 24.0 % of the bytes (gzip at its best: 7.8 s, 25.6 %); 6 to 9 leave 23.9 % at 2 to 19
/// times the time; 10 and 11 leave about 8 % less than 5 (on every tenth file: 22.5 % and
/// 22.3 % against 24.5 %) at 15 and 45 times the time, which would turn a build of seconds
/// into minutes. docs/publishing.md has the numbers.
const BROTLI_QUALITY: u32 = 5;

/// The file name endings that get compressed copies.
const COMPRESSIBLE: [&str; 7] = ["html", "css", "js", "json", "xml", "svg", "ics"];

/// Whether the file at `path` (site-relative) gets compressed copies when it holds `len` bytes.
pub fn worth_compressing(path: &str, len: usize) -> bool {
    len >= MIN_BYTES
        && path
            .rsplit_once('.')
            .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

/// The compressed copies of the file at `path`: `(<path>.br, bytes)` and `(<path>.gz, bytes)`,
/// each only when it is smaller than the file itself; none for a file that is not
/// [`worth_compressing`].
pub fn compressed(path: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    if !worth_compressing(path, bytes.len()) {
        return Vec::new();
    }
    [("br", brotli(bytes)), ("gz", gzip(bytes))]
        .into_iter()
        .filter(|(_, packed)| packed.len() < bytes.len())
        .map(|(ext, packed)| (format!("{path}.{ext}"), packed))
        .collect()
}

/// Brotli at [`BROTLI_QUALITY`], with a window fitted to the file (see [`window_bits`]).
fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: window_bits(bytes.len()),
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    // Reading from a slice and writing to a Vec cannot fail.
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing in memory cannot fail");
    out
}

/// Brotli's window for a file of `len` bytes, as bits: the smallest that holds the file, but
/// at least 17 (128 KiB) and at most 24. The encoder sets up a buffer of the window's size for
/// every file, so the default window (4 MiB) for a page of 8 KB made compressing a 10,000-page
/// site three times as slow; and a window of 16 bits or less makes it choose a search
/// structure that is slower still to set up.
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    bits.clamp(17, 24) as i32
}

/// gzip at the best level, with no file name and a zero time in its header, so the same bytes
/// in give the same bytes out.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::GzBuilder::new().mtime(0).write(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("compressing in memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn page() -> Vec<u8> {
        "<!doctype html><p>Skriveværksted i Roskilde</p>\n"
            .repeat(40)
            .into_bytes()
    }

    #[test]
    fn both_copies_decompress_to_the_file() {
        let bytes = page();
        let copies = compressed("kurser/index.html", &bytes);
        let names: Vec<&str> = copies.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["kurser/index.html.br", "kurser/index.html.gz"]);
        let mut from_br = Vec::new();
        brotli::Decompressor::new(&copies[0].1[..], 4096)
            .read_to_end(&mut from_br)
            .unwrap();
        let mut from_gz = Vec::new();
        flate2::read::GzDecoder::new(&copies[1].1[..])
            .read_to_end(&mut from_gz)
            .unwrap();
        assert_eq!(from_br, bytes);
        assert_eq!(from_gz, bytes);
    }

    #[test]
    fn the_gzip_header_holds_no_name_and_no_time() {
        // So the same page gives the same bytes on every build.
        let copies = compressed("index.html", &page());
        let gz = &copies[1].1;
        assert_eq!(gz[3], 0, "no flags: no file name or comment");
        assert_eq!(gz[4..8], [0, 0, 0, 0], "no modification time");
    }

    #[test]
    fn images_tiny_files_and_incompressible_bytes_get_none() {
        assert!(compressed("static/icon-180.png", &page()).is_empty());
        assert!(compressed("robots.txt", &page()).is_empty());
        assert!(compressed("index.html", &page()[..MIN_BYTES - 1]).is_empty());
        assert!(worth_compressing("sog/index/0a1b/meta.js", MIN_BYTES));
        // Bytes that do not shrink (compressed already) are left without copies.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(compressed("noise.js", &noise).is_empty());
    }

    #[test]
    fn the_window_fits_the_file() {
        assert_eq!(window_bits(0), 17);
        assert_eq!(window_bits(100_000), 17);
        assert_eq!(window_bits(131_072), 17);
        assert_eq!(window_bits(131_073), 18);
        assert_eq!(window_bits(usize::MAX), 24);
    }
}
