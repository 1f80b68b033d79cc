//! Throughput of the whole build, end to end with every output written, as
//! `ergraph build` runs it: MB/s, peak memory and output bytes per input byte.
//!
//!     cargo bench --bench throughput               # all runs below
//!     cargo bench --bench throughput -- real       # ../shared/corpus/allsides-dev.jsonl
//!     cargo bench --bench throughput -- synthetic  # generated news, thousands of entities
//!     cargo bench --bench throughput -- seeds      # the five seed articles, repeated
//!     cargo bench --bench throughput -- sample     # print two synthetic articles
//!
//! With no mode, the real corpus of scraped news (when it is beside the repository:
//! it is never copied in) is built three times, each in a process of its own: its
//! first quarter on 2 threads, then the whole on 1 and on 2 threads, which gives the
//! speed-up of a second core and how time and memory grow with the corpus. Then the
//! synthetic and seeds corpora. `ERGRAPH_BENCH_MB=N` caps each corpus at N MB (10^6
//! bytes of text); `RAYON_NUM_THREADS` sets the threads of a single mode.
//! The synthetic corpus comes from a hand-written PRNG with a fixed seed, so every run
//! measures the same text: news-like sentences with titles, relation verbs, quotes,
//! boilerplate lines and non-ASCII names, drawn from generated pools of people,
//! organizations and places, in documents of 2-6 KB.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use ergraph::export::atomic::OutputDir;
use ergraph::input::{DocumentReader, Input};
use ergraph::lexicon::Lexicon;
use ergraph::pipeline::build_into;
use ergraph::Document;

const MB: f64 = 1e6;

/// The same allocator as the `ergraph` binary, so the figures are the tool's.
#[global_allocator]
static GLOBAL: ergraph::alloc::MiMalloc = ergraph::alloc::MiMalloc;

/// The benchmark corpus of real scraped news, beside the repository when it is there.
const REAL_CORPUS: &str = "../shared/corpus/allsides-dev.jsonl";

fn main() {
    ergraph::alloc::without_huge_pages();
    let megabytes = match std::env::var("ERGRAPH_BENCH_MB") {
        Ok(v) => match v.trim().parse::<f64>() {
            Ok(n) if n > 0.0 => Some(n),
            _ => fail(&format!(
                "ERGRAPH_BENCH_MB={v}: expected a positive number of MB"
            )),
        },
        Err(_) => None,
    };
    // cargo bench passes `--bench`; anything else that is not a flag names a mode.
    let modes: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join(REAL_CORPUS);
    match modes.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        // Each run in a process of its own, so that each peak memory is its own.
        [] => {
            let mut runs: Vec<(&str, Option<f64>, usize)> = Vec::new();
            if real.is_file() {
                let quarter = megabytes.map_or(16.0, |m| m / 4.0);
                runs.push(("real", Some(quarter), 2));
                runs.push(("real", megabytes, 1));
                runs.push(("real", megabytes, 2));
            } else {
                println!(
                    "real corpus: {} is not there (it sits beside the repository, never in it); \
                     measuring the synthetic and seeds corpora only",
                    real.display()
                );
            }
            runs.push(("synthetic", Some(megabytes.unwrap_or(50.0)), 2));
            runs.push(("seeds", Some(megabytes.unwrap_or(20.0)), 2));
            for (mode, mb, threads) in runs {
                let exe = std::env::current_exe().unwrap_or_else(|e| fail(&e.to_string()));
                let mut cmd = std::process::Command::new(exe);
                cmd.arg(mode).env("RAYON_NUM_THREADS", threads.to_string());
                match mb {
                    Some(mb) => cmd.env("ERGRAPH_BENCH_MB", mb.to_string()),
                    None => cmd.env_remove("ERGRAPH_BENCH_MB"),
                };
                match cmd.status() {
                    Ok(status) if status.success() => {}
                    Ok(status) => fail(&format!("{mode}: {status}")),
                    Err(e) => fail(&format!("{mode}: {e}")),
                }
            }
        }
        ["real"] => {
            if !real.is_file() {
                fail(&format!("{}: not there", real.display()));
            }
            let cap = megabytes.map_or(u64::MAX, |m| (m * MB) as u64);
            let mut read = 0u64;
            let docs = DocumentReader::new(vec![Input::Path(real.clone())], 64 << 20)
                .filter_map(Result::ok)
                .take_while(move |d| {
                    read += d.text.len() as u64;
                    read <= cap
                })
                .map(Ok);
            run(&format!("real ({})", REAL_CORPUS), docs);
        }
        ["synthetic"] => {
            let bytes = (megabytes.unwrap_or(50.0) * MB) as usize;
            let docs = synthetic_corpus(bytes);
            run("synthetic", docs.into_iter().map(Ok));
        }
        ["seeds"] => {
            let bytes = (megabytes.unwrap_or(20.0) * MB) as usize;
            run("seeds repeated", seeds_corpus(bytes).into_iter().map(Ok));
        }
        // A look at what the synthetic articles are like.
        ["sample"] => {
            for doc in synthetic_corpus(1)
                .iter()
                .chain(&synthetic_corpus(10_000)[1..2])
            {
                println!("==== {}\n{}", doc.id, doc.text);
            }
        }
        _ => fail(&format!(
            "unknown mode {modes:?}: use real, synthetic, seeds, sample or none (all)"
        )),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("throughput: {msg}");
    std::process::exit(2)
}

/// Runs the whole build, as `ergraph build` does, into a temporary folder, and
/// reports MB/s, peak memory and output bytes per input byte.
fn run<I>(name: &str, docs: I)
where
    I: Iterator<Item = ergraph::Result<Document>> + Send,
{
    let threads = rayon::current_num_threads();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| fail(&format!("temporary folder: {e}")));
    let target = tmp.path().join("out");
    let start = Instant::now();
    let out = OutputDir::begin(&target).unwrap_or_else(|e| fail(&format!("output: {e}")));
    let built = build_into(
        docs,
        Lexicon::builtin(),
        out.path(),
        &mut |e| eprintln!("throughput: {e}"),
        &|_| {},
        Default::default(),
    );
    let (graph, summary, _) = built.unwrap_or_else(|e| fail(&format!("build: {e}")));
    out.commit()
        .unwrap_or_else(|e| fail(&format!("commit: {e}")));
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let written: u64 = std::fs::read_dir(&target)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    let mb = summary.bytes as f64 / MB;
    println!(
        "{name}, {threads} thread(s): {} documents, {mb:.1} MB in {secs:.2} s = {:.1} MB/s; \
         peak RSS (VmHWM) {} MiB; output {:.1} MB = {:.2} bytes per input byte; \
         {} nodes, {} edges",
        summary.documents,
        mb / secs,
        fmt_mib(peak_memory_mib()),
        written as f64 / MB,
        written as f64 / (summary.bytes.max(1)) as f64,
        graph.graph.node_count(),
        graph.graph.edge_count(),
    );
}

/// The process's peak resident set so far (VmHWM), in MiB; `None` off Linux.
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

fn fmt_mib(mib: Option<u64>) -> String {
    mib.map_or_else(|| "?".to_string(), |m| m.to_string())
}

/// The five seed articles, repeated under fresh ids until `bytes` is reached.
fn seeds_corpus(bytes: usize) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then_some(path)
        })
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            let stem = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (stem, text)
        })
        .collect();
    seeds.sort();
    if seeds.is_empty() {
        fail(&format!("{}: no .txt files", dir.display()));
    }
    let mut docs = Vec::new();
    let mut total = 0;
    'copies: for copy in 0.. {
        for (stem, text) in &seeds {
            if total >= bytes {
                break 'copies;
            }
            total += text.len();
            docs.push(Document {
                id: format!("copy{copy:05}/{stem}"),
                source: format!("seeds/{stem}.txt"),
                text: text.clone(),
                date: Default::default(),
            });
        }
    }
    docs
}

// ---------------------------------------------------------------- synthetic corpus

/// SplitMix64: small, fast and good enough to vary text; fixed seed, same corpus every run.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the front: a few entities are in the news all the time.
    fn popular(&mut self, n: usize) -> usize {
        if self.percent(40) {
            self.below(n.min(150))
        } else {
            self.below(n)
        }
    }
}

const FIRST_NAMES: &[&str] = &[
    "Ahmed",
    "Amara",
    "Ana",
    "Angela",
    "Ayşe",
    "Björn",
    "Chloé",
    "Dmitri",
    "Dragan",
    "Elif",
    "Émile",
    "Ewa",
    "Fatima",
    "François",
    "Giulia",
    "Håkon",
    "Hassan",
    "Hiroshi",
    "Ingrid",
    "Inês",
    "Jan",
    "John",
    "José",
    "Jürgen",
    "Kofi",
    "Kwame",
    "Leila",
    "Łukasz",
    "Maria",
    "Mariam",
    "Márta",
    "Matteo",
    "Mehmet",
    "Mei",
    "Miguel",
    "Nikolai",
    "Nomvula",
    "Oğuz",
    "Olga",
    "Pedro",
    "Priya",
    "Rajesh",
    "Rania",
    "Renée",
    "Sergei",
    "Siobhán",
    "Sofía",
    "Søren",
    "Staffan",
    "Thabo",
    "Tomás",
    "Vesna",
    "Wei",
    "Yuki",
    "Yusuf",
    "Zbigniew",
    "Željko",
    "Zoë",
];
const STEMS: &[&str] = &[
    "ka", "lo", "mi", "ren", "vas", "tor", "bel", "din", "sha", "mar", "gor", "ni", "pe", "zu",
    "lan", "ro", "sel", "ta", "vi", "mo", "ha", "ke", "dra", "ul", "es", "an", "ri", "bo", "le",
    "chu", "mü", "ñe", "çe", "ğa", "ša", "ő", "ây", "ř", "jø", "kå", "dé", "xi",
];
const SURNAME_ENDINGS: &[&str] = &[
    "", "", "", "ić", "ová", "escu", "oğlu", "sson", "sen", "ez", "elli", "ides", "ashvili",
    "enko", "ás", "ønen", "berg", "mann", "ski", "ov", "ura", "wa",
];
const COUNTRY_ENDINGS: &[&str] = &["ia", "stan", "land", "ova", "onia", "ador", "ique", "ea"];
const CITY_ENDINGS: &[&str] = &[
    "burg", "grad", "ville", "abad", "pur", "polis", "stadt", "holm", "ton", "øy", "íos", "ków",
];
const CITY_PREFIXES: &[&str] = &["San ", "Port ", "New ", "Nové ", "Al "];
const ORG_NOUNS: &[&str] = &[
    "Bank",
    "University",
    "Football Club",
    "City Council",
    "Police Department",
    "Observatory",
    "Chamber of Commerce",
    "General Hospital",
];
const DOMAINS: &[&str] = &[
    "Defence",
    "Finance",
    "Foreign Affairs",
    "Health",
    "Energy",
    "Justice",
];
const PARTY_WORDS: &[&str] = &[
    "Democratic",
    "Liberal",
    "Workers'",
    "Green",
    "Unity",
    "Reform",
];
const COUNTRY_TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Secretary of State",
    "Defense Secretary",
    "Interior Minister",
    "Finance Minister",
    "Ambassador",
    "General",
    "Senator",
];
const ORG_TITLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "chief executive",
    "chairman",
    "director",
];
const MEETS: &[&str] = &[
    "met",
    "held talks with",
    "spoke by phone with",
    "will meet",
    "negotiated with",
];
const SUPPORTS: &[&str] = &[
    "backed",
    "supports",
    "endorsed",
    "praised",
    "is a close ally of",
];
const OPPOSES: &[&str] = &["accused", "blamed", "criticized", "sanctioned", "condemned"];
const TOPICS: &[&str] = &[
    "the cease-fire",
    "trade tariffs",
    "the refugee crisis",
    "energy prices",
    "the border dispute",
    "a prisoner exchange",
    "the humanitarian corridor",
    "the election results",
];
const QUOTES: &[&str] = &[
    "We will not accept any further delay",
    "This is a historic day for our people",
    "I think in the nearest time we will present the fruits of our joint efforts",
    "Nobody wants a return to the violence of the past",
    "The details must remain confidential until we have an agreement",
];
const FILLER: &[&str] = &[
    "The talks are expected to continue next week.",
    "Officials declined to comment on the details.",
    "The agreement has been criticized by rights groups.",
    "Markets fell sharply after the announcement.",
    "It was not immediately clear how many people were affected.",
    "The two sides have been at odds for months – some say years.",
];
const BOILERPLATE: &[&str] = &[
    "Accessibility links",
    "Breaking News",
    "Skip to main content",
    "Share this article",
    "Advertisement",
    "Follow us on Twitter",
    "Sign up for our newsletter",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "Aug.", "Sept.", "Oct.",
];

struct Person {
    first: &'static str,
    last: String,
    title: &'static str,
    /// Index into `countries` (a minister) or `orgs` (a spokesman), by `of_country`.
    of: usize,
    of_country: bool,
}

struct Pools {
    persons: Vec<Person>,
    orgs: Vec<String>,
    countries: Vec<String>,
    /// City name and the index of its country.
    cities: Vec<(String, usize)>,
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `n` distinct names made by `make`.
fn distinct(rng: &mut Rng, n: usize, mut make: impl FnMut(&mut Rng) -> String) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let name = make(rng);
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn stem(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables).map(|_| rng.pick(STEMS)).collect()
}

fn pools(rng: &mut Rng) -> Pools {
    let countries = distinct(rng, 80, |r| {
        let syllables = r.range(1, 2);
        capitalize(&(stem(r, syllables) + r.pick(COUNTRY_ENDINGS)))
    });
    let cities: Vec<(String, usize)> = distinct(rng, 900, |r| {
        let prefix = if r.percent(15) {
            r.pick(CITY_PREFIXES)
        } else {
            ""
        };
        let syllables = r.range(1, 2);
        format!(
            "{prefix}{}",
            capitalize(&(stem(r, syllables) + r.pick(CITY_ENDINGS)))
        )
    })
    .into_iter()
    .map(|city| {
        let country = rng.below(countries.len());
        (city, country)
    })
    .collect();
    let surnames = distinct(rng, 2500, |r| {
        let syllables = r.range(1, 3);
        capitalize(&(stem(r, syllables) + r.pick(SURNAME_ENDINGS)))
    });
    let orgs = distinct(rng, 1200, |r| match r.below(6) {
        0 | 1 => format!("{} {}", r.pick_ref(&cities).0, r.pick(ORG_NOUNS)),
        2 => format!("{} Ministry of {}", r.pick_ref(&countries), r.pick(DOMAINS)),
        3 => format!("{} Holdings", r.pick_ref(&surnames)),
        4 => format!("{} & {}", r.pick_ref(&surnames), r.pick_ref(&surnames)),
        _ => format!("{} {} Party", r.pick_ref(&countries), r.pick(PARTY_WORDS)),
    });
    let mut names = BTreeSet::new();
    let mut persons = Vec::new();
    while persons.len() < 4000 {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick_ref(&surnames).clone();
        if !names.insert((first, last.clone())) {
            continue;
        }
        let of_country = rng.percent(60);
        let (title, of) = if of_country {
            (rng.pick(COUNTRY_TITLES), rng.below(countries.len()))
        } else {
            (rng.pick(ORG_TITLES), rng.below(orgs.len()))
        };
        persons.push(Person {
            first,
            last,
            title,
            of,
            of_country,
        });
    }
    Pools {
        persons,
        orgs,
        countries,
        cities,
    }
}

/// Writes one article of about `target` bytes about a cast drawn from the pools.
struct Article<'a> {
    pools: &'a Pools,
    text: String,
    /// People already introduced in full, who are now called by surname.
    introduced: BTreeSet<usize>,
}

impl Article<'_> {
    /// A person as news writes them: title and full name first, surname after.
    fn person(&mut self, rng: &mut Rng, i: usize) -> String {
        let p = &self.pools.persons[i];
        if self.introduced.insert(i) {
            let place = if p.of_country {
                &self.pools.countries[p.of]
            } else {
                &self.pools.orgs[p.of]
            };
            match rng.below(3) {
                0 => format!("{} {} {}", p.title, p.first, p.last),
                1 => format!("{place} {} {} {}", p.title, p.first, p.last),
                _ => format!("{} {}, {} of {place},", p.first, p.last, p.title),
            }
        } else if rng.percent(80) {
            p.last.clone()
        } else {
            format!("{} {}", p.first, p.last)
        }
    }

    /// Appends one sentence; a photo caption (printed twice, as news pages do) stands as a
    /// paragraph of its own, and the return value says so.
    fn sentence(
        &mut self,
        rng: &mut Rng,
        cast: &[usize],
        orgs: &[usize],
        cities: &[usize],
    ) -> bool {
        let pools = self.pools;
        let a = rng.pick(cast);
        let b = rng.pick(cast);
        let org = &pools.orgs[rng.pick(orgs)];
        let org2 = &pools.orgs[rng.pick(orgs)];
        let (city, country) = &pools.cities[rng.pick(cities)];
        let country = &pools.countries[*country];
        let day = rng.pick(DAYS);
        let s = match rng.below(14) {
            0 | 1 if a != b => {
                let (pa, pb) = (self.person(rng, a), self.person(rng, b));
                format!("{pa} {} {pb} in {city} on {day}.", rng.pick(MEETS))
            }
            2 => {
                let pa = self.person(rng, a);
                format!(
                    "{pa} {} {org} over {}.",
                    rng.pick(OPPOSES),
                    rng.pick(TOPICS)
                )
            }
            3 => {
                let pa = self.person(rng, a);
                format!("{org} {} {pa} on {}.", rng.pick(SUPPORTS), rng.pick(TOPICS))
            }
            4 => {
                let pa = self.person(rng, a);
                format!("\"{},\" {pa} told reporters in {city}.", rng.pick(QUOTES))
            }
            5 => {
                let pa = self.person(rng, a);
                format!("“{}”, said {pa}.", rng.pick(QUOTES))
            }
            6 => format!("{city} is a city in {country}, close to the border."),
            7 if org != org2 => format!("{org}, a subsidiary of {org2}, reported record losses."),
            8 => format!("{country} {} {org} on {day}.", rng.pick(OPPOSES)),
            9 => {
                let n = rng.range(2, 900);
                format!("According to {org}, {n} people were evacuated from {city}, {country}.")
            }
            10 if a != b => {
                let (pa, pb) = (self.person(rng, a), self.person(rng, b));
                let date = format!(
                    "{} {}, {}",
                    rng.pick(MONTHS),
                    rng.range(1, 28),
                    rng.range(2014, 2024)
                );
                let caption =
                    format!("FILE - {pa}, left, and {pb} address reporters in {city}, {date}.");
                if !self.text.ends_with('\n') {
                    self.text.push_str("\n\n");
                }
                self.text.push_str(&format!("{caption}\n{caption}"));
                return true;
            }
            _ => rng.pick(FILLER).to_string(),
        };
        self.text.push_str(&s);
        false
    }
}

fn article(rng: &mut Rng, pools: &Pools, n: usize) -> Document {
    let target = rng.range(2100, 5600);
    let cast: Vec<usize> = (0..rng.range(2, 6))
        .map(|_| rng.popular(pools.persons.len()))
        .collect();
    let orgs: Vec<usize> = (0..rng.range(1, 3))
        .map(|_| rng.popular(pools.orgs.len()))
        .collect();
    let cities: Vec<usize> = (0..rng.range(1, 3))
        .map(|_| rng.popular(pools.cities.len()))
        .collect();
    let mut a = Article {
        pools,
        text: String::with_capacity(target + 512),
        introduced: BTreeSet::new(),
    };

    for _ in 0..rng.range(0, 3) {
        a.text.push_str(rng.pick(BOILERPLATE));
        a.text.push_str("\n\n");
    }
    let other = cast
        .iter()
        .copied()
        .find(|&i| i != cast[0])
        .unwrap_or(cast[0]);
    let (p, q) = (&pools.persons[cast[0]], &pools.persons[other]);
    a.text.push_str(&format!(
        "{}, {} to confer on {}\n\n",
        p.last,
        q.last,
        rng.pick(TOPICS)
    ));
    let (city, _) = &pools.cities[cities[0]];
    a.text.push_str(&format!("{} — ", city.to_uppercase()));
    let mut in_paragraph = 0;
    while a.text.len() < target {
        let caption = a.sentence(rng, &cast, &orgs, &cities);
        in_paragraph += 1;
        if caption || in_paragraph >= rng.range(1, 4) {
            a.text.push_str(if rng.percent(10) {
                "\n\nAdvertisement\n\n"
            } else {
                "\n\n"
            });
            in_paragraph = 0;
        } else {
            a.text.push(' ');
        }
    }
    a.text
        .push_str("\n\nCopyright © 2016 Example News. All rights reserved.\n");
    Document {
        id: format!("synthetic/{n:06}"),
        source: format!("synthetic:{n}"),
        text: a.text,
        date: None,
    }
}

/// Articles until `bytes` of text, the same ones on every run.
fn synthetic_corpus(bytes: usize) -> Vec<Document> {
    let mut rng = Rng(0x5eed_e4a9_0000_0001);
    let pools = pools(&mut rng);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let doc = article(&mut rng, &pools, docs.len());
        total += doc.text.len();
        docs.push(doc);
    }
    docs
}
