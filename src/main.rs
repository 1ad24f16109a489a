//! The `vejviser` command: the arguments parsed by `clap`, everything else in the library
//! (`cli::run` gives the exit code: 0 done, 1 content problems, 2 usage).

use clap::Parser;

/// A build allocates and frees millions of small strings and maps across threads, and the system
/// allocator spent about a sixth of a build's time doing so. With mimalloc a 10,000-page build
/// takes about a quarter less CPU time, and, set as below, less memory than with the system
/// allocator: transparent huge pages off (`no_thp`: touching one byte of a 2 MiB page made it
/// all resident) and freed memory returned at once (in `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = vejviser::cli::Cli::parse();
    // `mi_option_purge_delay` (15 in mimalloc.h, which the bindings do not name): 0 returns
    // freed memory to the system at once instead of after 10 ms. Not with `build --compress`:
    // each file's compressor would then fault its buffers in again (measured: five times the
    // build's time), where keeping them a moment costs some memory.
    if !cli.compresses() {
        // SAFETY: options may be set at any time; this one only decides when memory is returned.
        unsafe { libmimalloc_sys::mi_option_set(15, 0) };
    }
    std::process::exit(vejviser::cli::run(cli));
}
