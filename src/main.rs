//! The `vejviser` command: the arguments parsed by `clap`, everything else in the library
//! (`cli::run` gives the exit code: 0 done, 1 content problems, 2 usage).

use clap::Parser;

/// A build allocates and frees millions of small strings and maps across threads, and the system
/// allocator spent about a sixth of a build's time doing so. With mimalloc a 10,000-page build
/// takes about a quarter less CPU time, and less memory than with the system allocator:
/// transparent huge pages are off (`no_thp` in Cargo.toml: touching one byte of a 2 MiB page
/// made it all resident), and freed memory goes back to the system after 10 ms (in `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = vejviser::cli::Cli::parse();
    // `mi_option_purge_delay` (15 in mimalloc.h, which the bindings do not name), in ms. At 0
    // (freed memory returned at once) page faults and `madvise` took 5–7 % more of a
    // 10,000-page build's CPU time, for 2 MiB less at the peak; left to the library, the peak
    // grew by 10–25 MiB.
    // SAFETY: options may be set at any time; this one only decides when memory is returned.
    unsafe { libmimalloc_sys::mi_option_set(15, 10) };
    std::process::exit(vejviser::cli::run(cli));
}
