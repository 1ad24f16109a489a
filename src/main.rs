use clap::Parser;

fn main() {
    let cli = vejviser::cli::Cli::parse();
    std::process::exit(vejviser::cli::run(cli));
}
