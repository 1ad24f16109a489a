//! The `vejviser` command: the arguments parsed by `clap`, everything else in the library
//! (`cli::run` gives the exit code: 0 done, 1 content problems, 2 usage).

use clap::Parser;

fn main() {
    let cli = vejviser::cli::Cli::parse();
    std::process::exit(vejviser::cli::run(cli));
}
