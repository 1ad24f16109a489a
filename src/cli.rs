//! The command line: `vejviser init`, `build`, `serve`, `check`, `new`, `theme` and `schema`,
//! parsed with clap.
//!
//! `main.rs` calls [`run`]; exit codes are 0 (success), 1 (content errors), 2 (usage errors).

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::build::BuildOptions;
use crate::error::{render_human, Error};
use crate::messages;

#[derive(Parser, Debug)]
#[command(
    name = "vejviser",
    version,
    about = "Builds one static website per municipality: course catalogues and manuals from Markdown"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new project in DIR (default: this folder): a municipality with a front page, an
    /// "Om" page, a "Praktisk" page and a course, in Danish, that builds as it is.
    Init(InitArgs),
    /// Build the sites of content/ into the output folder (public/<slug>/ for each municipality).
    Build(BuildArgs),
    /// Preview the sites on 127.0.0.1, rebuilding and reloading the browser on every change.
    Serve(ServeArgs),
    /// Check the content without writing anything: every error of `build`, and more.
    Check(CheckArgs),
    /// Start a new site, course, session plan or exercise sheet from a commented template.
    New(NewArgs),
    /// The theme built into the program.
    Theme(ThemeArgs),
    /// Write JSON Schema files for vejviser.yaml, _site.yaml and each kind's front matter, for
    /// editors that check the YAML while it is written (see the README).
    Schema(SchemaArgs),
}

#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// The project folder: its categories, audiences, locations and contacts become the values
    /// the schemas allow, and its language that of their descriptions.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Where the schema files are written [default: <root>/schema].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The folder to start the project in; made when missing.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The municipality's folder name (lower-case letters, digits, hyphens), also its output
    /// folder public/<SLUG>/.
    #[arg(long, value_name = "SLUG", default_value = "kommune")]
    pub site: String,
    /// The municipality's name [default: from --site, e.g. "Kommune"].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct ThemeArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".", global = true)]
    pub root: PathBuf,
    #[command(subcommand)]
    pub what: ThemeWhat,
}

#[derive(Subcommand, Debug)]
pub enum ThemeWhat {
    /// Write the built-in theme into themes/<NAME>/ to change it. Under the name `default` it
    /// is laid over the built-in theme file by file, so you may delete the files you keep as
    /// they are; under another name, set `theme: <NAME>` in vejviser.yaml.
    Copy {
        /// The folder name under themes/.
        #[arg(default_value = "default")]
        name: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The project folder, which holds vejviser.yaml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Serve only this municipality, at `/` (without it: each under /<slug>/).
    #[arg(long, value_name = "SLUG")]
    pub site: Option<String>,
    /// The port (0 picks a free one).
    #[arg(long, value_name = "N", default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. The default, 127.0.0.1, is this machine only; give another
    /// (e.g. 0.0.0.0) only to show the preview to others on the network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Build as if today were this date (YYYY-MM-DD); defaults to the system date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The project folder, which holds vejviser.yaml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Check only this municipality; repeat for several.
    #[arg(long = "site", value_name = "SLUG")]
    pub sites: Vec<String>,
    /// `human` (blocks with the source line marked) or `json` (an array of findings).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Check as if today were this date (YYYY-MM-DD); defaults to the system date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

/// How `check` prints its findings.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".", global = true)]
    pub root: PathBuf,
    #[command(subcommand)]
    pub what: NewWhat,
}

#[derive(Subcommand, Debug)]
pub enum NewWhat {
    /// A municipality: content/<SLUG>/_site.yaml and a first page.
    Site {
        /// The municipality's folder name (lower-case letters, digits, hyphens).
        slug: String,
    },
    /// A course of a municipality: content/<SITE>/kurser/<SLUG>.md.
    Course { site: String, slug: String },
    /// A session plan: content/_shared/manualer/<MANUAL>/sessioner/uge-<NUMBER>.md.
    Session { manual: String, number: u32 },
    /// An exercise sheet: content/_shared/manualer/<MANUAL>/ovelser/<SLUG>.md.
    Exercise { manual: String, slug: String },
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The project folder, which holds vejviser.yaml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Where the sites are written, one folder per municipality [default: <root>/public].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build only this municipality (its folder name under content/); repeat for several.
    #[arg(long = "site", value_name = "SLUG")]
    pub sites: Vec<String>,
    /// Use this base URL instead of each site's base_url (with several sites, each site gets
    /// <URL><slug>/), e.g. for a test server.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Build as if today were this date (YYYY-MM-DD): decides which courses are upcoming.
    /// Defaults to the system date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Print the time each stage took (load, link, search, render, write), summed over sites.
    #[arg(long)]
    pub timings: bool,
    /// Build every site, even those whose inputs did not change since they were written.
    #[arg(long)]
    pub full: bool,
    /// Also write a .br and a .gz copy of each HTML, CSS, JavaScript, JSON, XML, SVG and
    /// iCalendar file, for web servers that send them as they are (docs/publishing.md).
    #[arg(long)]
    pub compress: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// Reports a failure of the tool itself, in the language of the project at `root` (Danish
/// where there is none yet), and picks its exit code: 2 for usage, 1 otherwise.
fn failed(e: Error, root: &std::path::Path) -> i32 {
    eprintln!("{}", e.render(crate::config::language_of(root)));
    match e {
        Error::Usage(_) => 2,
        _ => 1,
    }
}

/// Runs the command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Serve(args) => serve(args),
        Command::Check(args) => check(args),
        Command::New(args) => new(args),
        Command::Init(args) => init(args),
        Command::Theme(args) => theme(args),
        Command::Schema(args) => schema(args),
    }
}

fn schema(args: SchemaArgs) -> i32 {
    let names = match crate::schema::read_project(&args.root) {
        Ok(names) => names,
        Err(problems) => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let language = crate::config::language_of(&args.root);
            eprint!("{}", render_human(&problems, color, language));
            let summary = messages::schema_not_written(problems.len());
            eprintln!("{}", summary.render(language));
            return 1;
        }
    };
    let out = args.out.unwrap_or_else(|| args.root.join("schema"));
    match crate::schema::write(&out, &crate::schema::schemas(names.as_ref())) {
        Ok(paths) => {
            let language = crate::config::language_of(&args.root);
            for path in paths {
                println!("{}", messages::wrote(path.display()).render(language));
            }
            if names.is_none() {
                println!(
                    "{}",
                    messages::schema_any_key(args.root.display()).render(language)
                );
            }
            0
        }
        Err(e) => failed(e, &args.root),
    }
}

fn init(args: InitArgs) -> i32 {
    let what = crate::scaffold::Init {
        dir: args.dir,
        slug: args.site,
        name: args.name,
    };
    match crate::scaffold::init(&what, chrono::Local::now().date_naive()) {
        Ok(files) => {
            println!("Et nyt projekt i {}:", what.dir.display());
            for file in files {
                println!("  {}", file.display());
            }
            println!(
                "\nDet næste:\n{}",
                crate::scaffold::next_steps(&what.dir, &what.slug)
            );
            0
        }
        Err(e) => failed(e, &what.dir),
    }
}

fn theme(args: ThemeArgs) -> i32 {
    match args.what {
        ThemeWhat::Copy { name } => {
            if name.is_empty() || crate::slug::slugify(&name) != name {
                return failed(Error::Usage(messages::not_a_theme_name(&name)), &args.root);
            }
            let dir = args.root.join("themes").join(&name);
            match crate::theme::ThemeFiles::copy_built_in(&dir) {
                Ok(count) => {
                    let language = crate::config::language_of(&args.root);
                    let wrote = messages::wrote_theme(count, dir.display());
                    println!("{}", wrote.render(language));
                    if name != crate::theme::DEFAULT_THEME {
                        println!("{}", messages::use_theme(&name).render(language));
                    }
                    0
                }
                Err(e) => failed(e, &args.root),
            }
        }
    }
}

fn serve(args: ServeArgs) -> i32 {
    let opts = crate::serve::ServeOptions {
        root: args.root,
        site: args.site,
        port: args.port,
        bind: args.bind,
        today: args.today,
    };
    if args.open {
        let url = format!(
            "http://{}/",
            std::net::SocketAddr::new(args.bind, args.port)
        );
        // Best effort: without a desktop there is nothing to open, and the address is printed.
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    match crate::serve::run(&opts) {
        Ok(()) => 0,
        Err(e) => failed(e, &opts.root),
    }
}

fn check(args: CheckArgs) -> i32 {
    let mut opts = BuildOptions::new(&args.root);
    opts.sites = args.sites;
    if let Some(today) = args.today {
        opts.today = today;
    }
    let findings = match crate::check::run(&opts) {
        Ok(f) => f,
        Err(e) => return failed(e, &opts.root),
    };
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    let language = crate::config::language_of(&opts.root);
    match args.format {
        Format::Json => println!("{}", crate::check::to_json(&findings, language)),
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            print!("{}", render_human(&findings, color, language));
            let summary = messages::check_summary(errors, warnings);
            println!("{}", summary.render(language));
        }
    }
    i32::from(errors > 0 || (args.deny_warnings && warnings > 0))
}

fn new(args: NewArgs) -> i32 {
    use crate::scaffold::Scaffold;
    let what = match args.what {
        NewWhat::Site { slug } => Scaffold::Site { slug },
        NewWhat::Course { site, slug } => Scaffold::Course { site, slug },
        NewWhat::Session { manual, number } => Scaffold::Session { manual, number },
        NewWhat::Exercise { manual, slug } => Scaffold::Exercise { manual, slug },
    };
    match crate::scaffold::create(&args.root, &what, chrono::Local::now().date_naive()) {
        Ok(path) => {
            let language = crate::config::language_of(&args.root);
            println!("{}", messages::wrote(path.display()).render(language));
            0
        }
        Err(e) => failed(e, &args.root),
    }
}

fn build(args: BuildArgs) -> i32 {
    let mut opts = BuildOptions::new(&args.root);
    if let Some(out) = args.out {
        opts.out = out;
    }
    opts.sites = args.sites;
    opts.base_url = args.base_url;
    opts.drafts = args.drafts;
    opts.full = args.full;
    opts.compress = args.compress;
    if let Some(today) = args.today {
        opts.today = today;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let state = crate::build::BuildState::default();
    let result = crate::build::build_with(&opts, &state);
    // The process ends right after: the system takes its memory back at once, rather than
    // every page, body and cache entry being freed one by one first.
    std::mem::forget(state);
    match result {
        Ok(outcome) => {
            let outcome = std::mem::ManuallyDrop::new(outcome);
            let language = crate::config::language_of(&opts.root);
            if !outcome.diagnostics.is_empty() {
                eprint!("{}", render_human(&outcome.diagnostics, color, language));
            }
            let errors = outcome.errors();
            let warnings = outcome.diagnostics.len() - errors;
            if errors > 0 {
                let summary = messages::build_stopped(errors, warnings, opts.out.display());
                eprintln!("{}", summary.render(language));
                return 1;
            }
            for s in &outcome.summaries {
                println!(
                    "{:<14} {:>5} pages {:>5} files {:>8.1} ms  → {}",
                    s.slug,
                    s.pages,
                    s.files,
                    s.elapsed.as_secs_f64() * 1000.0,
                    opts.out.join(&s.slug).display()
                );
            }
            for slug in &outcome.unchanged {
                println!(
                    "{slug:<14} up to date (its inputs did not change) → {}",
                    opts.out.join(slug).display()
                );
            }
            if warnings > 0 {
                eprintln!("{}", messages::build_warnings(warnings).render(language));
            }
            if args.timings {
                let t = outcome.timings;
                let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
                println!(
                    "stages: load {:.1} ms, link {:.1} ms, search {:.1} ms, render {:.1} ms, write {:.1} ms",
                    ms(t.load),
                    ms(t.link),
                    ms(t.search),
                    ms(t.render),
                    ms(t.write)
                );
            }
            0
        }
        Err(e) => failed(e, &opts.root),
    }
}
