//! Unit tests of the relation rules on hand-written sentences.

use super::*;
use crate::model::{EntityType, RelationKind, Span};

pub const PER: EntityType = EntityType::Person;
pub const ORG: EntityType = EntityType::Organization;
pub const LOC: EntityType = EntityType::Location;

/// A mention of the first occurrence of `text` in `sentence`.
pub fn m(sentence: &str, text: &str, ty: EntityType, entity: usize) -> SentenceMention {
    m_from(sentence, 0, text, ty, entity)
}

fn m_from(
    sentence: &str,
    from: usize,
    text: &str,
    ty: EntityType,
    entity: usize,
) -> SentenceMention {
    let start = from
        + sentence[from..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} not in {sentence:?}"));
    SentenceMention {
        span: Span::new(start, start + text.len()),
        entity,
        entity_type: ty,
        demonym: false,
        reference: false,
    }
}

/// A nationality word standing for its country.
pub fn dem(sentence: &str, text: &str, entity: usize) -> SentenceMention {
    SentenceMention {
        demonym: true,
        ..m(sentence, text, LOC, entity)
    }
}

/// Mentions in sentence order; a `*` before the text marks a nationality word; each
/// is looked for after the previous one. Equal texts share an entity.
pub fn mentions(sentence: &str, spec: &[(&str, EntityType)]) -> Vec<SentenceMention> {
    let mut out: Vec<SentenceMention> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut from = 0;
    for &(text, ty) in spec {
        let (text, demonym) = match text.strip_prefix('*') {
            Some(t) => (t, true),
            None => (text, false),
        };
        let entity = names.iter().position(|n| *n == text).unwrap_or_else(|| {
            names.push(text);
            names.len() - 1
        });
        let mut mention = m_from(sentence, from, text, ty, entity);
        mention.demonym = demonym;
        from = mention.span.end;
        out.push(mention);
    }
    out
}

/// The relations as readable lines: "meets Kerry -- Lavrov [meets.verb]".
pub fn show(sentence: &str, ms: &[SentenceMention]) -> Vec<String> {
    let text = |i: usize| &sentence[ms[i].span.start..ms[i].span.end];
    extract(sentence, ms)
        .iter()
        .map(|r| {
            let arrow = if r.kind.is_directed() { "->" } else { "--" };
            let role = r
                .role
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!(
                "{} {} {arrow} {}{role} [{}]",
                r.kind,
                text(r.source),
                text(r.target),
                r.rule
            )
        })
        .collect()
}

fn rels(sentence: &str, spec: &[(&str, EntityType)]) -> Vec<String> {
    show(sentence, &mentions(sentence, spec))
}

/// Only the relations of one kind, without rule ids.
fn kind(sentence: &str, spec: &[(&str, EntityType)], kind: RelationKind) -> Vec<String> {
    rels(sentence, spec)
        .into_iter()
        .filter(|l| l.starts_with(&format!("{} ", kind.as_str())))
        .map(|l| l.split(" [").next().unwrap_or("").to_string())
        .collect()
}

fn assert_kind(sentence: &str, spec: &[(&str, EntityType)], k: RelationKind, want: &[&str]) {
    let got = kind(sentence, spec, k);
    assert_eq!(got, want, "\n{sentence}\nall: {:#?}", rels(sentence, spec));
}

fn assert_none(sentence: &str, spec: &[(&str, EntityType)], k: RelationKind) {
    assert_kind(sentence, spec, k, &[]);
}

use RelationKind::{AffiliatedWith, LinkedTo, LocatedIn, Meets, Opposes, Supports};

#[test]
fn meets_positive() {
    assert_kind(
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.",
        &[
            ("*German", LOC),
            ("Angela Merkel", PER),
            ("*French", LOC),
            ("Emmanuel Macron", PER),
            ("Berlin", LOC),
        ],
        Meets,
        &["meets Angela Merkel -- Emmanuel Macron"],
    );
    assert_kind(
        "Macron will meet Friday with Italian Prime Minister Giuseppe Conte in Rome.",
        &[
            ("Macron", PER),
            ("*Italian", LOC),
            ("Giuseppe Conte", PER),
            ("Rome", LOC),
        ],
        Meets,
        &["meets Macron -- Giuseppe Conte"],
    );
    assert_kind(
        "Pompeo and Zarif have met several times over the past weeks in Vienna.",
        &[("Pompeo", PER), ("Zarif", PER), ("Vienna", LOC)],
        Meets,
        &["meets Pompeo -- Zarif"],
    );
    assert_kind(
        "The talks between Pompeo and Zarif ended without a deal.",
        &[("Pompeo", PER), ("Zarif", PER)],
        Meets,
        &["meets Pompeo -- Zarif"],
    );
    assert_kind(
        "Iran's president Hassan Rouhani spoke by phone with Macron on Tuesday.",
        &[("Iran", LOC), ("Hassan Rouhani", PER), ("Macron", PER)],
        Meets,
        &["meets Hassan Rouhani -- Macron"],
    );
    assert_kind(
        "Trudeau held a bilateral meeting with Modi and discussed trade with Widodo.",
        &[("Trudeau", PER), ("Modi", PER), ("Widodo", PER)],
        Meets,
        &["meets Trudeau -- Modi", "meets Trudeau -- Widodo"],
    );
    assert_kind(
        "Borrell arrived in Kabul for talks with Afghan leader Ashraf Ghani.",
        &[
            ("Borrell", PER),
            ("Kabul", LOC),
            ("*Afghan", LOC),
            ("Ashraf Ghani", PER),
        ],
        Meets,
        &["meets Borrell -- Ashraf Ghani"],
    );
}

#[test]
fn meets_headlines_and_counterparts() {
    assert_kind(
        "Merkel, Macron Will Again Confer on Ukrainian Gas Deal",
        &[("Merkel", PER), ("Macron", PER), ("*Ukrainian", LOC)],
        Meets,
        &["meets Merkel -- Macron"],
    );
    assert_kind(
        "Sanchez, Costa to meet in effort to end water dispute",
        &[("Sanchez", PER), ("Costa", PER)],
        Meets,
        &["meets Sanchez -- Costa"],
    );
    let s = "Putin and his Chinese counterpart Xi Jinping discussed trade in a phone call on Monday, the Kremlin said.";
    let spec = [
        ("Putin", PER),
        ("*Chinese", LOC),
        ("Xi Jinping", PER),
        ("Kremlin", ORG),
    ];
    assert_eq!(
        rels(s, &spec),
        [
            "affiliated_with Xi Jinping -> Chinese [affiliated.counterpart]",
            "meets Putin -- Xi Jinping [meets.counterpart]",
        ]
    );
    let s = "Talks on Yemen between Saudi Crown Prince Mohammed bin Salman and his Emirati counterpart Mohammed bin Zayed took place in Riyadh.";
    let spec = [
        ("Yemen", LOC),
        ("*Saudi", LOC),
        ("Mohammed bin Salman", PER),
        ("*Emirati", LOC),
        ("Mohammed bin Zayed", PER),
        ("Riyadh", LOC),
    ];
    assert_eq!(
        rels(s, &spec),
        [
            "affiliated_with Mohammed bin Salman -> Saudi (Crown Prince) [affiliated.demonym-title]",
            "affiliated_with Mohammed bin Zayed -> Emirati (Crown Prince) [affiliated.counterpart]",
            "meets Mohammed bin Salman -- Mohammed bin Zayed [meets.counterpart]",
        ]
    );
}

#[test]
fn meets_negative() {
    // Names after a preposition are no subject of a joint verb after them.
    let firms = [("Acme", ORG), ("Brix", ORG), ("Corvo", ORG)];
    assert_none(
        "The president met with the heads of firms like Acme, Brix and Corvo to discuss taxes.",
        &firms,
        Meets,
    );
    assert_kind(
        "Acme, Brix and Corvo met on Monday to discuss taxes.",
        &firms,
        Meets,
        &[
            "meets Acme -- Brix",
            "meets Acme -- Corvo",
            "meets Brix -- Corvo",
        ],
    );
    let pz = [("Pompeo", PER), ("Zarif", PER), ("Oslo", LOC)];
    assert_none("Pompeo did not meet Zarif in Oslo.", &pz, Meets);
    assert_none("Pompeo refused to meet Zarif in Oslo.", &pz, Meets);
    assert_none("Pompeo wants to meet Zarif in Oslo.", &pz, Meets);
    assert_none(
        "If Pompeo meets Zarif in Oslo, sanctions could be eased.",
        &pz,
        Meets,
    );
    assert_none("Will Pompeo meet Zarif in Oslo?", &pz, Meets);
    assert_none(
        "There were no talks between Pompeo and Zarif in Oslo.",
        &pz,
        Meets,
    );
    assert_none(
        "The ministry said it did not believe it was useful for Johnson to meet with his Irish counterpart.",
        &[("Johnson", PER), ("*Irish", LOC)],
        Meets,
    );
    // Both gave speeches; nothing says they spoke with each other.
    assert_none(
        "Sunak and Scholz spoke at the summit in Oslo.",
        &[("Sunak", PER), ("Scholz", PER), ("Oslo", LOC)],
        Meets,
    );
    // The object of "met" is Lavrov; Putin starts a new clause.
    assert_kind(
        "Kerry met Lavrov and Putin attacked the plan.",
        &[("Kerry", PER), ("Lavrov", PER), ("Putin", PER)],
        Meets,
        &["meets Kerry -- Lavrov"],
    );
}

#[test]
fn meets_objects_and_agreements() {
    assert_kind(
        "Putin hosted Erdogan in Sochi, and Lavrov spoke with Cavusoglu.",
        &[
            ("Putin", PER),
            ("Erdogan", PER),
            ("Sochi", LOC),
            ("Lavrov", PER),
            ("Cavusoglu", PER),
        ],
        Meets,
        &["meets Putin -- Erdogan", "meets Lavrov -- Cavusoglu"],
    );
    // An interview or a hosted summit is no meeting.
    assert_none(
        "Lavrov spoke with Reuters after Japan hosted the G7.",
        &[
            ("Lavrov", PER),
            ("Reuters", ORG),
            ("Japan", LOC),
            ("G7", ORG),
        ],
        Meets,
    );
    // Agreeing counts between counterparts only.
    assert_none(
        "Israel and Hamas agreed to extend the truce.",
        &[("Israel", LOC), ("Hamas", ORG)],
        Meets,
    );
    assert_kind(
        "Sunak and his Irish counterpart Leo Varadkar agreed to restart talks.",
        &[("Sunak", PER), ("*Irish", LOC), ("Leo Varadkar", PER)],
        Meets,
        &["meets Sunak -- Leo Varadkar"],
    );
}

#[test]
fn plans_and_future_count() {
    assert_kind(
        "Pompeo and Zarif are expected to talk mainly about the nuclear deal.",
        &[("Pompeo", PER), ("Zarif", PER)],
        Meets,
        &["meets Pompeo -- Zarif"],
    );
    assert_kind(
        "The ministry said on Thursday that Lavrov will meet with Blinken in Vienna.",
        &[("Lavrov", PER), ("Blinken", PER), ("Vienna", LOC)],
        Meets,
        &["meets Lavrov -- Blinken"],
    );
    assert_kind(
        "As talks drag on without progress in Qatar, Blinken will meet Lavrov in Vienna on Friday.",
        &[
            ("Qatar", LOC),
            ("Blinken", PER),
            ("Lavrov", PER),
            ("Vienna", LOC),
        ],
        Meets,
        &["meets Blinken -- Lavrov"],
    );
}

#[test]
fn supports_positive() {
    assert_kind(
        "Moscow supports Venezuelan President Nicolas Maduro, whom Washington wants removed.",
        &[
            ("Moscow", LOC),
            ("*Venezuelan", LOC),
            ("Nicolas Maduro", PER),
            ("Washington", LOC),
        ],
        Supports,
        &["supports Moscow -> Nicolas Maduro"],
    );
    assert_kind(
        "The Houthis are backed by Tehran.",
        &[("Houthis", ORG), ("Tehran", LOC)],
        Supports,
        &["supports Tehran -> Houthis"],
    );
    assert_kind(
        "Hezbollah, backed by Iran, denied the report.",
        &[("Hezbollah", ORG), ("Iran", LOC)],
        Supports,
        &["supports Iran -> Hezbollah"],
    );
    assert_kind(
        "Saudi-backed Hadi forces retook the port.",
        &[("*Saudi", LOC), ("Hadi", PER)],
        Supports,
        &["supports Saudi -> Hadi"],
    );
    assert_kind(
        "Poland, Ukraine's closest ally, sent more tanks.",
        &[("Poland", LOC), ("Ukraine", LOC)],
        Supports,
        &["supports Poland -> Ukraine"],
    );
    assert_kind(
        "Belarus is the Russian government's staunchest ally.",
        &[("Belarus", LOC), ("*Russian", LOC)],
        Supports,
        &["supports Belarus -> Russian"],
    );
    assert_kind(
        "Qatar and Turkey back the Tripoli government and have provided support to Dbeibah.",
        &[
            ("Qatar", LOC),
            ("Turkey", LOC),
            ("Tripoli", LOC),
            ("Dbeibah", PER),
        ],
        Supports,
        &[
            "supports Qatar -> Tripoli",
            "supports Turkey -> Tripoli",
            "supports Qatar -> Dbeibah",
            "supports Turkey -> Dbeibah",
        ],
    );
}

#[test]
fn supports_negative() {
    assert_none(
        "Iran and Saudi Arabia back opposing sides in Yemen's civil war.",
        &[("Iran", LOC), ("Saudi Arabia", LOC), ("Yemen", LOC)],
        Supports,
    );
    assert_none(
        "Washington denied backing the Kurdish PKK.",
        &[("Washington", LOC), ("PKK", ORG)],
        Supports,
    );
    assert_none(
        "Iranian-backed militias attacked the base.",
        &[("*Iranian", LOC)],
        Supports,
    );
    assert_none(
        "Critics say Qatar may be funding Hamas.",
        &[("Qatar", LOC), ("Hamas", ORG)],
        Supports,
    );
    assert_none(
        "Does Qatar fund Hamas?",
        &[("Qatar", LOC), ("Hamas", ORG)],
        Supports,
    );
    assert_none(
        "Hamas is not an ally of Fatah.",
        &[("Hamas", ORG), ("Fatah", ORG)],
        Supports,
    );
    // "Syria's opposition", not Syria, is backed.
    assert_none(
        "Turkey backs Syria's opposition.",
        &[("Turkey", LOC), ("Syria", LOC)],
        Supports,
    );
}

#[test]
fn opposes_positive() {
    assert_kind(
        "Washington has accused Tehran of sponsoring terrorism.",
        &[("Washington", LOC), ("Tehran", LOC)],
        Opposes,
        &["opposes Washington -> Tehran"],
    );
    assert_kind(
        "Zarif blamed the U.S. and the European Union for the collapse of the deal.",
        &[("Zarif", PER), ("U.S.", LOC), ("European Union", ORG)],
        Opposes,
        &["opposes Zarif -> U.S.", "opposes Zarif -> European Union"],
    );
    assert_kind(
        "Nigeria and Chad are fighting Boko Haram along their border.",
        &[("Nigeria", LOC), ("Chad", LOC), ("Boko Haram", ORG)],
        Opposes,
        &[
            "opposes Nigeria -> Boko Haram",
            "opposes Chad -> Boko Haram",
        ],
    );
    assert_kind(
        "The EU backs the transitional government and has accused the Sudanese army of abuses.",
        &[("EU", ORG), ("*Sudanese", LOC)],
        Opposes,
        &["opposes EU -> Sudanese"],
    );
    assert_kind(
        "The EU imposed sanctions on Belarus after the election.",
        &[("EU", ORG), ("Belarus", LOC)],
        Opposes,
        &["opposes EU -> Belarus"],
    );
    assert_kind(
        "Russia's war against Ukraine entered its third year.",
        &[("Russia", LOC), ("Ukraine", LOC)],
        Opposes,
        &["opposes Russia -> Ukraine"],
    );
    assert_kind(
        "Mariupol was shelled by Russian troops.",
        &[("Mariupol", LOC), ("*Russian", LOC)],
        Opposes,
        &["opposes Russian -> Mariupol"],
    );
}

#[test]
fn opposes_negative() {
    assert_none(
        "Brussels did not impose sanctions on Minsk.",
        &[("Brussels", LOC), ("Minsk", LOC)],
        Opposes,
    );
    assert_none(
        "Israeli jets bombed Hamas positions in Gaza on Tuesday.",
        &[("*Israeli", LOC), ("Hamas", ORG), ("Gaza", LOC)],
        Opposes,
    );
    assert_none(
        "Russian planes have been carrying out raids on Syrian rebel groups.",
        &[("*Russian", LOC), ("*Syrian", LOC)],
        Opposes,
    );
    assert_none(
        "Ankara denied reports that it attacked Kurdish fighters in Kobani.",
        &[("Ankara", LOC), ("*Kurdish", LOC), ("Kobani", LOC)],
        Opposes,
    );
    assert_none(
        "Did Kyiv attack Belgorod?",
        &[("Kyiv", LOC), ("Belgorod", LOC)],
        Opposes,
    );
}

#[test]
fn affiliated_positive() {
    assert_kind(
        "State Department spokeswoman Morgan Ortagus said the talks would continue.",
        &[("State Department", ORG), ("Morgan Ortagus", PER)],
        AffiliatedWith,
        &["affiliated_with Morgan Ortagus -> State Department (spokeswoman)"],
    );
    assert_kind(
        "The UN special envoy for Yemen Martin Griffiths described the meeting as important.",
        &[("UN", ORG), ("Yemen", LOC), ("Martin Griffiths", PER)],
        AffiliatedWith,
        &["affiliated_with Martin Griffiths -> UN (special envoy for Yemen)"],
    );
    assert_kind(
        "British Foreign Secretary David Lammy arrived in Kyiv.",
        &[("*British", LOC), ("David Lammy", PER), ("Kyiv", LOC)],
        AffiliatedWith,
        &["affiliated_with David Lammy -> British (Foreign Secretary)"],
    );
    assert_kind(
        "John Smith, a spokesman for Acme Corp, said the plant would close.",
        &[("John Smith", PER), ("Acme Corp", ORG)],
        AffiliatedWith,
        &["affiliated_with John Smith -> Acme Corp (spokesman)"],
    );
    assert_kind(
        "Jane Doe, chief executive of Globex, declined to comment.",
        &[("Jane Doe", PER), ("Globex", ORG)],
        AffiliatedWith,
        &["affiliated_with Jane Doe -> Globex (chief executive)"],
    );
    assert_kind(
        "Tedros, the WHO chief, warned of a second wave.",
        &[("Tedros", PER), ("WHO", ORG)],
        AffiliatedWith,
        &["affiliated_with Tedros -> WHO (chief)"],
    );
    assert_eq!(
        rels(
            "Ukraine's Zelensky met Biden in Kyiv.",
            &[
                ("Ukraine", LOC),
                ("Zelensky", PER),
                ("Biden", PER),
                ("Kyiv", LOC)
            ]
        ),
        [
            "affiliated_with Zelensky -> Ukraine [affiliated.possessive]",
            "meets Zelensky -- Biden [meets.verb]",
        ]
    );
    assert_kind(
        "Egypt's president, Abdel Fattah el-Sisi, opened the canal.",
        &[("Egypt", LOC), ("Abdel Fattah el-Sisi", PER)],
        AffiliatedWith,
        &["affiliated_with Abdel Fattah el-Sisi -> Egypt (president)"],
    );
    assert_kind(
        "Russian President Vladimir Putin and his Chinese counterpart Xi Jinping held talks.",
        &[
            ("*Russian", LOC),
            ("Vladimir Putin", PER),
            ("*Chinese", LOC),
            ("Xi Jinping", PER),
        ],
        AffiliatedWith,
        &[
            "affiliated_with Vladimir Putin -> Russian (President)",
            "affiliated_with Xi Jinping -> Chinese (President)",
        ],
    );
}

#[test]
fn affiliated_titles_with_places_inside() {
    assert_kind(
        "Kenyan Ambassador to the United States Lazarus Amayo spoke at the event.",
        &[
            ("*Kenyan", LOC),
            ("United States", LOC),
            ("Lazarus Amayo", PER),
        ],
        AffiliatedWith,
        &["affiliated_with Lazarus Amayo -> Kenyan (Ambassador to the United States)"],
    );
    assert_kind(
        "Secretary-General of the United Nations Antonio Guterres opened the session.",
        &[("United Nations", ORG), ("Antonio Guterres", PER)],
        AffiliatedWith,
        &["affiliated_with Antonio Guterres -> United Nations (Secretary-General)"],
    );
    assert_kind(
        "Foreign Minister Penny Wong of Australia arrived in Suva.",
        &[("Penny Wong", PER), ("Australia", LOC), ("Suva", LOC)],
        AffiliatedWith,
        &["affiliated_with Penny Wong -> Australia (Foreign Minister)"],
    );
}

#[test]
fn affiliated_negative() {
    // A place right before a name, with no title or possessive between.
    assert_none(
        "After the talks in Paris the Foreign Secretary Jane Roe flew home.",
        &[("Paris", LOC), ("Jane Roe", PER)],
        AffiliatedWith,
    );
    // The place after "envoy for" is never the affiliation.
    assert_none(
        "Griffiths, special envoy for Yemen, arrived in Sanaa.",
        &[("Griffiths", PER), ("Yemen", LOC), ("Sanaa", LOC)],
        AffiliatedWith,
    );
    // No title, or a country that does not start the title.
    assert_none(
        "Russia and Foreign Minister Sergei Lavrov said nothing.",
        &[("Russia", LOC), ("Sergei Lavrov", PER)],
        AffiliatedWith,
    );
    assert_none(
        "Officials in Japan Tuesday praised Shinzo Abe.",
        &[("Japan", LOC), ("Shinzo Abe", PER)],
        AffiliatedWith,
    );
    // A headline verb is not part of a title.
    assert_none(
        "Russia Says President Putin Will Attend Summit",
        &[("Russia", LOC), ("Putin", PER)],
        AffiliatedWith,
    );
}

#[test]
fn linked_positive() {
    assert_kind(
        "Fighters of the group formerly known as Jabhat al-Nusra, which Washington views as a terrorist group linked to al-Qaeda, could take the town.",
        &[("Jabhat al-Nusra", ORG), ("Washington", LOC), ("al-Qaeda", ORG)],
        LinkedTo,
        &["linked_to Jabhat al-Nusra -- al-Qaeda"],
    );
    assert_kind(
        "They want to separate US-backed rebels from the al-Qaeda-linked Hurras al-Din group.",
        &[("US", LOC), ("al-Qaeda", ORG), ("Hurras al-Din", ORG)],
        LinkedTo,
        &["linked_to al-Qaeda -- Hurras al-Din"],
    );
    assert_kind(
        "AQAP is an affiliate of al-Qaeda.",
        &[("AQAP", ORG), ("al-Qaeda", ORG)],
        LinkedTo,
        &["linked_to AQAP -- al-Qaeda"],
    );
    assert_kind(
        "The Haqqani network, a militant group linked to the Taliban, claimed the attack.",
        &[("Haqqani network", ORG), ("Taliban", ORG)],
        LinkedTo,
        &["linked_to Haqqani network -- Taliban"],
    );
    assert_kind(
        "Hayat Tahrir al-Sham, formerly known as Jabhat Fateh al-Sham, controls Idlib.",
        &[
            ("Hayat Tahrir al-Sham", ORG),
            ("Jabhat Fateh al-Sham", ORG),
            ("Idlib", LOC),
        ],
        LinkedTo,
        &["linked_to Hayat Tahrir al-Sham -- Jabhat Fateh al-Sham"],
    );
}

#[test]
fn linked_negative() {
    assert_none(
        "Officials said Hamas is not linked to ISIS.",
        &[("Hamas", ORG), ("ISIS", ORG)],
        LinkedTo,
    );
    assert_none(
        "Google worked with Alphabet on the project.",
        &[("Google", ORG), ("Alphabet", ORG)],
        LinkedTo,
    );
    // Organizations only: a country linked to a group is not linked_to.
    assert_none(
        "Qatar is linked to Hamas.",
        &[("Qatar", LOC), ("Hamas", ORG)],
        LinkedTo,
    );
    assert_none(
        "Police linked the attack to ISIS.",
        &[("Police", ORG), ("ISIS", ORG)],
        LinkedTo,
    );
}

#[test]
fn located_positive() {
    assert_kind(
        "Delegates met in Oslo, Norway, on Tuesday.",
        &[("Oslo", LOC), ("Norway", LOC)],
        LocatedIn,
        &["located_in Oslo -> Norway"],
    );
    assert_kind(
        "The troops reached the Libyan city of Sirte on Monday.",
        &[("*Libyan", LOC), ("Sirte", LOC)],
        LocatedIn,
        &["located_in Sirte -> Libyan"],
    );
    assert_kind(
        "Residents fled the Tripoli suburb of Tajoura.",
        &[("Tripoli", LOC), ("Tajoura", LOC)],
        LocatedIn,
        &["located_in Tajoura -> Tripoli"],
    );
    assert_kind(
        "KYOTO, Japan (AP) - Police arrested two men.",
        &[("KYOTO", LOC), ("Japan", LOC), ("AP", ORG)],
        LocatedIn,
        &["located_in KYOTO -> Japan"],
    );
    assert_kind(
        "Kherson, a city in southern Ukraine, was shelled again.",
        &[("Kherson", LOC), ("Ukraine", LOC)],
        LocatedIn,
        &["located_in Kherson -> Ukraine"],
    );
    assert_kind(
        "Mosul, Iraq's second city, was retaken.",
        &[("Mosul", LOC), ("Iraq", LOC)],
        LocatedIn,
        &["located_in Mosul -> Iraq"],
    );
    assert_kind(
        "Protesters gathered in Tbilisi, capital of Georgia, on Sunday.",
        &[("Tbilisi", LOC), ("Georgia", LOC)],
        LocatedIn,
        &["located_in Tbilisi -> Georgia"],
    );
    assert_kind(
        "She grew up in Fenwick, a small suburb of Kilmarnock, before moving.",
        &[("Fenwick", LOC), ("Kilmarnock", LOC)],
        LocatedIn,
        &["located_in Fenwick -> Kilmarnock"],
    );
}

#[test]
fn located_in_named_division_of() {
    assert_kind(
        "Varno is a village in the Dravka Province of Moldova.",
        &[("Varno", LOC), ("Dravka Province", LOC), ("Moldova", LOC)],
        LocatedIn,
        &[
            "located_in Varno -> Dravka Province",
            "located_in Dravka Province -> Moldova",
            "located_in Varno -> Moldova",
        ],
    );
    // A name that is no division: only the place before "of"; "of Moldova's": none.
    assert_kind(
        "Varno is a village in Dravka of Moldova.",
        &[("Varno", LOC), ("Dravka", LOC), ("Moldova", LOC)],
        LocatedIn,
        &["located_in Varno -> Dravka"],
    );
    assert_none(
        "Varno is a village in the Dravka Province of Moldova's rival.",
        &[("Varno", LOC), ("Dravka Province", LOC), ("Moldova", LOC)],
        LocatedIn,
    );
}

#[test]
fn located_of_partner_negative() {
    assert_kind(
        "The mayor flew to Kutaisi, the sister city of Bristol, last week.",
        &[("Kutaisi", LOC), ("Bristol", LOC)],
        LocatedIn,
        &[],
    );
    assert_kind(
        "Fans in Verona, a symbol of Italy for many, cheered.",
        &[("Verona", LOC), ("Italy", LOC)],
        LocatedIn,
        &[],
    );
}

#[test]
fn located_negative() {
    assert_none(
        "France, Germany and Italy signed the pact.",
        &[("France", LOC), ("Germany", LOC), ("Italy", LOC)],
        LocatedIn,
    );
    assert_none(
        "Troops moved from Syria, Iraq and Jordan.",
        &[("Syria", LOC), ("Iraq", LOC), ("Jordan", LOC)],
        LocatedIn,
    );
    assert_none(
        "In Syria, Russia on Friday backed the plan.",
        &[("Syria", LOC), ("Russia", LOC)],
        LocatedIn,
    );
    assert_none(
        "Egypt, Russia Exploring Ways to End Libyan Stalemate",
        &[("Egypt", LOC), ("Russia", LOC), ("*Libyan", LOC)],
        LocatedIn,
    );
    assert_none(
        "The delegation left Paris for Berlin.",
        &[("Paris", LOC), ("Berlin", LOC)],
        LocatedIn,
    );
    // Named after the larger place, so the smaller one: the order is unclear.
    assert_none(
        "The hall is part of the Springfield Riverside district of Springfield.",
        &[("Springfield Riverside", LOC), ("Springfield", LOC)],
        LocatedIn,
    );
}

#[test]
fn same_entity_and_bad_input_give_nothing() {
    let s = "Kerry met Kerry.";
    let ms = [
        m(s, "Kerry", PER, 0),
        SentenceMention {
            span: Span::new(10, 15),
            ..m(s, "Kerry", PER, 0)
        },
    ];
    assert!(extract(s, &ms).is_empty());
    let s = "Kerry met Lavrov.";
    let bad = [
        m(s, "Kerry", PER, 0),
        SentenceMention {
            span: Span::new(10, 99),
            ..m(s, "Lavrov", PER, 1)
        },
    ];
    assert!(extract(s, &bad).is_empty());
    assert!(extract("", &[]).is_empty());
}

#[test]
fn non_ascii_text_keeps_offsets() {
    let s = "Erdoğan met Çavuşoğlu’s guest, Mitsotakis, in İzmir, Türkiye.";
    let spec = [
        ("Erdoğan", PER),
        ("Mitsotakis", PER),
        ("İzmir", LOC),
        ("Türkiye", LOC),
    ];
    let got = rels(s, &spec);
    assert!(
        got.contains(&"located_in İzmir -> Türkiye [located.comma]".to_string()),
        "{got:?}"
    );
    let s = "Erdoğan met Mitsotakis in Ankara.";
    assert_eq!(
        rels(s, &[("Erdoğan", PER), ("Mitsotakis", PER), ("Ankara", LOC)]),
        ["meets Erdoğan -- Mitsotakis [meets.verb]"]
    );
}

#[test]
fn helpers_build_mentions_by_substring() {
    let s = "Turkish Defence Minister Yasar Guler met Greek counterpart Nikos Dendias.";
    let ms = [
        dem(s, "Turkish", 0),
        m(s, "Yasar Guler", PER, 1),
        dem(s, "Greek", 2),
        m(s, "Nikos Dendias", PER, 3),
    ];
    assert_eq!(
        show(s, &ms),
        [
            "affiliated_with Yasar Guler -> Turkish (Defence Minister) [affiliated.demonym-title]",
            "affiliated_with Nikos Dendias -> Greek (Defence Minister) [affiliated.counterpart]",
            "meets Yasar Guler -- Nikos Dendias [meets.counterpart]",
        ]
    );
}

#[test]
fn caption_asides_are_transparent() {
    assert_kind(
        "Scholz (left) meets Polish Prime Minister Donald Tusk in Warsaw.",
        &[
            ("Scholz", PER),
            ("*Polish", LOC),
            ("Donald Tusk", PER),
            ("Warsaw", LOC),
        ],
        Meets,
        &["meets Scholz -- Donald Tusk"],
    );
    assert_kind(
        "Scholz, right, meets Donald Tusk in Warsaw.",
        &[("Scholz", PER), ("Donald Tusk", PER), ("Warsaw", LOC)],
        Meets,
        &["meets Scholz -- Donald Tusk"],
    );
    assert_kind(
        "Scholz, left, and Donald Tusk met in Warsaw.",
        &[("Scholz", PER), ("Donald Tusk", PER), ("Warsaw", LOC)],
        Meets,
        &["meets Scholz -- Donald Tusk"],
    );
    // A caption word after no bracket or comma is read as a word.
    assert_none(
        "Scholz left meets Donald Tusk in Warsaw.",
        &[("Scholz", PER), ("Donald Tusk", PER), ("Warsaw", LOC)],
        Meets,
    );
}

#[test]
fn opposes_modifier_positive() {
    assert_kind(
        "Turkish airstrikes against PKK positions killed dozens, the ministry said.",
        &[("*Turkish", LOC), ("PKK", ORG)],
        Opposes,
        &["opposes Turkish -> PKK"],
    );
    assert_kind(
        "NATO raids on Taliban hideouts continued through the night.",
        &[("NATO", ORG), ("Taliban", ORG)],
        Opposes,
        &["opposes NATO -> Taliban"],
    );
    assert_kind(
        "Hamas attacks on Israel have intensified.",
        &[("Hamas", ORG), ("Israel", LOC)],
        Opposes,
        &["opposes Hamas -> Israel"],
    );
    assert_kind(
        "Witnesses described precision Canadian strikes on ISIS in the valley.",
        &[("*Canadian", LOC), ("ISIS", ORG)],
        Opposes,
        &["opposes Canadian -> ISIS"],
    );
}

#[test]
fn opposes_modifier_negative() {
    // A place before "attacks" is where they happened.
    assert_none(
        "The Nairobi attacks on the Westgate mall shocked Kenya.",
        &[("Nairobi", LOC), ("Westgate", LOC), ("Kenya", LOC)],
        Opposes,
    );
    assert_none(
        "Moscow denied that Russian airstrikes on Idlib had killed civilians.",
        &[("Moscow", LOC), ("*Russian", LOC), ("Idlib", LOC)],
        Opposes,
    );
    assert_none(
        "Analysts warned of possible Saudi strikes on Yemen.",
        &[("*Saudi", LOC), ("Yemen", LOC)],
        Opposes,
    );
    // "targets" after a subject is the verb, not part of the name.
    assert_kind(
        "Al-Shabaab targets Kenya with new attacks.",
        &[("Al-Shabaab", ORG), ("Kenya", LOC)],
        Opposes,
        &["opposes Al-Shabaab -> Kenya"],
    );
}

#[test]
fn counted_strikes_and_targets() {
    assert_kind(
        "The Arab League has launched nearly 1,500 strikes against al-Shabaab targets.",
        &[("Arab League", ORG), ("al-Shabaab", ORG)],
        Opposes,
        &["opposes Arab League -> al-Shabaab"],
    );
    assert_kind(
        "The African Union carried out more than 40 raids on Boko Haram.",
        &[("African Union", ORG), ("Boko Haram", ORG)],
        Opposes,
        &["opposes African Union -> Boko Haram"],
    );
    assert_none(
        "The African Union never carried out more than 40 raids on Boko Haram.",
        &[("African Union", ORG), ("Boko Haram", ORG)],
        Opposes,
    );
}

#[test]
fn opposes_in_fight_positive() {
    assert_kind(
        "Canada pledged support for Kenya in its fight against al-Shabaab.",
        &[("Canada", LOC), ("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
        &[
            "opposes Kenya -> al-Shabaab",
            "opposes Canada -> al-Shabaab",
        ],
    );
    assert_kind(
        "Washington helped Nigeria and Chad in their battle against Boko Haram.",
        &[
            ("Washington", LOC),
            ("Nigeria", LOC),
            ("Chad", LOC),
            ("Boko Haram", ORG),
        ],
        Opposes,
        &[
            "opposes Chad -> Boko Haram",
            "opposes Nigeria -> Boko Haram",
            "opposes Washington -> Boko Haram",
        ],
    );
    assert_kind(
        "Britain stands by the Kenyan government in the war on al-Shabaab.",
        &[("Britain", LOC), ("*Kenyan", LOC), ("al-Shabaab", ORG)],
        Opposes,
        &[
            "opposes Kenyan -> al-Shabaab",
            "opposes Britain -> al-Shabaab",
        ],
    );
}

#[test]
fn opposes_in_fight_negative() {
    assert_none(
        "Britain might back Kenya in its fight against al-Shabaab.",
        &[("Britain", LOC), ("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
    );
    assert_none(
        "Britain refused to back Kenya in its fight against al-Shabaab.",
        &[("Britain", LOC), ("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
    );
    // Praise is not support: whose fight it is stays unsaid.
    assert_none(
        "Observers praised Kenya in the fight against al-Shabaab.",
        &[("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
    );
}

#[test]
fn fronted_place_without_comma() {
    assert_kind(
        "In Geneva Minister Jane Holm met Sergei Lavrov on Friday.",
        &[("Geneva", LOC), ("Jane Holm", PER), ("Sergei Lavrov", PER)],
        Meets,
        &["meets Jane Holm -- Sergei Lavrov"],
    );
    assert_none(
        "In Geneva Minister Jane Holm met Sergei Lavrov on Friday.",
        &[("Geneva", LOC), ("Jane Holm", PER), ("Sergei Lavrov", PER)],
        AffiliatedWith,
    );
    // Not fronted: the country starts the title.
    assert_kind(
        "Lavrov spoke with Kenyan Foreign Minister Jane Holm.",
        &[("Lavrov", PER), ("*Kenyan", LOC), ("Jane Holm", PER)],
        AffiliatedWith,
        &["affiliated_with Jane Holm -> Kenyan (Foreign Minister)"],
    );
    assert_kind(
        "In Kenya's President Jane Holm's view, the talks failed.",
        &[("Kenya", LOC), ("Jane Holm", PER)],
        AffiliatedWith,
        &["affiliated_with Jane Holm -> Kenya (President)"],
    );
}

#[test]
fn invisible_marks_read_as_spaces() {
    assert_kind(
        "Kerry met Chinese Foreign Minister\u{200e} Wang Yi in Beijing.",
        &[
            ("Kerry", PER),
            ("*Chinese", LOC),
            ("Wang Yi", PER),
            ("Beijing", LOC),
        ],
        AffiliatedWith,
        &["affiliated_with Wang Yi -> Chinese (Foreign Minister)"],
    );
    assert_kind(
        "Kerry met Chinese Foreign Minister\u{200e} Wang Yi in Beijing.",
        &[
            ("Kerry", PER),
            ("*Chinese", LOC),
            ("Wang Yi", PER),
            ("Beijing", LOC),
        ],
        Meets,
        &["meets Kerry -- Wang Yi"],
    );
}

#[test]
fn opposes_strike_verbs_and_purpose_nouns() {
    assert_kind(
        "Israeli troops raided Nablus on Tuesday.",
        &[("*Israeli", LOC), ("Nablus", LOC)],
        Opposes,
        &["opposes Israeli -> Nablus"],
    );
    assert_kind(
        "Al-Shabaab fighters ambushed Kenyan troops near Lamu.",
        &[("Al-Shabaab", ORG), ("*Kenyan", LOC), ("Lamu", LOC)],
        Opposes,
        &["opposes Al-Shabaab -> Kenyan"],
    );
    assert_kind(
        "The African Union's campaign to defeat al-Shabaab is entering a new phase.",
        &[("African Union", ORG), ("al-Shabaab", ORG)],
        Opposes,
        &["opposes African Union -> al-Shabaab"],
    );
    assert_kind(
        "Nigeria launched an offensive to dismantle Boko Haram.",
        &[("Nigeria", LOC), ("Boko Haram", ORG)],
        Opposes,
        &["opposes Nigeria -> Boko Haram"],
    );
    assert_kind(
        "Kyiv's defences against Russia held through the winter.",
        &[("Kyiv", LOC), ("Russia", LOC)],
        Opposes,
        &["opposes Kyiv -> Russia"],
    );
}

#[test]
fn opposes_strike_verbs_and_purpose_nouns_negative() {
    // A deal struck is no attack.
    assert_none(
        "Labour struck a deal with the Greens.",
        &[("Labour", ORG), ("Greens", ORG)],
        Opposes,
    );
    assert_none(
        "Chad has not raided Boko Haram camps this year.",
        &[("Chad", LOC), ("Boko Haram", ORG)],
        Opposes,
    );
    assert_none(
        "Nigeria might launch an offensive to dismantle Boko Haram.",
        &[("Nigeria", LOC), ("Boko Haram", ORG)],
        Opposes,
    );
    // Whose campaign it is stays unsaid.
    assert_none(
        "A campaign to defeat al-Shabaab began in Somalia.",
        &[("al-Shabaab", ORG), ("Somalia", LOC)],
        Opposes,
    );
}

#[test]
fn supports_modifier_and_solidarity() {
    assert_kind(
        "The minister reaffirmed Dutch support for Kenya at the summit.",
        &[("*Dutch", LOC), ("Kenya", LOC)],
        Supports,
        &["supports Dutch -> Kenya"],
    );
    assert_kind(
        "Iranian backing for the Houthis has grown.",
        &[("*Iranian", LOC), ("Houthis", ORG)],
        Supports,
        &["supports Iranian -> Houthis"],
    );
    assert_kind(
        "France stands shoulder to shoulder with Belgium.",
        &[("France", LOC), ("Belgium", LOC)],
        Supports,
        &["supports France -> Belgium"],
    );
    assert_kind(
        "Norway stood in solidarity with Denmark after the attack.",
        &[("Norway", LOC), ("Denmark", LOC)],
        Supports,
        &["supports Norway -> Denmark"],
    );
}

#[test]
fn supports_modifier_and_solidarity_negative() {
    assert_none(
        "Tehran denied Iranian backing for the Houthis.",
        &[("Tehran", LOC), ("*Iranian", LOC), ("Houthis", ORG)],
        Supports,
    );
    assert_none(
        "Kenya urged Dutch support for Somalia.",
        &[("Kenya", LOC), ("*Dutch", LOC), ("Somalia", LOC)],
        Supports,
    );
    assert_none(
        "Belgium does not stand in solidarity with Hungary on migration.",
        &[("Belgium", LOC), ("Hungary", LOC)],
        Supports,
    );
}

#[test]
fn opposes_coalition_positive() {
    assert_kind(
        "The Global Alliance against Boko Haram met in Abuja on Monday.",
        &[
            ("Global Alliance", ORG),
            ("Boko Haram", ORG),
            ("Abuja", LOC),
        ],
        Opposes,
        &["opposes Global Alliance -> Boko Haram"],
    );
    assert_kind(
        "The French-led coalition against the Houthis grew.",
        &[("French", LOC), ("Houthis", ORG)],
        Opposes,
        &["opposes French -> Houthis"],
    );
    assert_kind(
        "Finland joined the NATO alliance against Russia.",
        &[("Finland", LOC), ("NATO", ORG), ("Russia", LOC)],
        Opposes,
        &["opposes NATO -> Russia"],
    );
}

#[test]
fn opposes_coalition_negative() {
    // An unnamed coalition: no entity to link.
    assert_none(
        "Kenya joined the coalition against al-Shabaab.",
        &[("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
    );
    // A coalition named for something else is not against it.
    assert_none(
        "The Global Coalition for Somalia met al-Shabaab envoys.",
        &[
            ("Global Coalition", ORG),
            ("Somalia", LOC),
            ("al-Shabaab", ORG),
        ],
        Opposes,
    );
    assert_none(
        "Ministers discussed a possible French-led coalition against the Houthis.",
        &[("French", LOC), ("Houthis", ORG)],
        Opposes,
    );
}

#[test]
fn agreements_and_help() {
    assert_kind(
        "Ministers hailed the agreement signed on Monday between Ethiopia and Eritrea.",
        &[("Ethiopia", LOC), ("Eritrea", LOC)],
        Meets,
        &["meets Ethiopia -- Eritrea"],
    );
    assert_kind(
        "Diplomats praised the accord reached yesterday between Serbia and Kosovo.",
        &[("Serbia", LOC), ("Kosovo", LOC)],
        Meets,
        &["meets Serbia -- Kosovo"],
    );
    assert_kind(
        "The deal struck between Hamas and Fatah held for a week.",
        &[("Hamas", ORG), ("Fatah", ORG)],
        Meets,
        &["meets Hamas -- Fatah"],
    );
    assert_kind(
        "French troops are assisting the Malian army near Gao.",
        &[("*French", LOC), ("*Malian", LOC), ("Gao", LOC)],
        Supports,
        &["supports French -> Malian"],
    );
    assert_kind(
        "Norway backed Kenya in its efforts to defeat al-Shabaab.",
        &[("Norway", LOC), ("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
        &[
            "opposes Kenya -> al-Shabaab",
            "opposes Norway -> al-Shabaab",
        ],
    );
}

#[test]
fn agreements_and_help_negative() {
    assert_none(
        "There is still no agreement between Ethiopia and Eritrea.",
        &[("Ethiopia", LOC), ("Eritrea", LOC)],
        Meets,
    );
    assert_none(
        "Qatar said a deal between Hamas and Fatah was possible.",
        &[("Qatar", LOC), ("Hamas", ORG), ("Fatah", ORG)],
        Meets,
    );
    assert_none(
        "Paris refused to help Bamako in its efforts to defeat the insurgents.",
        &[("Paris", LOC), ("Bamako", LOC)],
        Supports,
    );
}

#[test]
fn title_of_place_or_organization() {
    let spec = |a, b| vec![(a, PER), (b, LOC)];
    assert_kind(
        "Jane Roe (May 12, 1936 – May 2, 2009) was President of Vandalia from 1989 to 1994.",
        &spec("Jane Roe", "Vandalia"),
        AffiliatedWith,
        &["affiliated_with Jane Roe -> Vandalia (President)"],
    );
    assert_kind(
        "Tom Brask reigned as King of Ostmark from 1930 until his abdication.",
        &spec("Tom Brask", "Ostmark"),
        AffiliatedWith,
        &["affiliated_with Tom Brask -> Ostmark (King)"],
    );
    assert_kind(
        "Ana Welt, the first mayor of Springfield, opened the bridge.",
        &spec("Ana Welt", "Springfield"),
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Springfield (first mayor)"],
    );
    assert_kind(
        "In 1990 Ana Welt was elected governor of Ostmark.",
        &spec("Ana Welt", "Ostmark"),
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Ostmark (governor)"],
    );
    assert_kind(
        "Ana Welt served as chief executive of Zentrix.",
        &[("Ana Welt", PER), ("Zentrix", ORG)],
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Zentrix (chief executive)"],
    );
}

#[test]
fn title_of_negative() {
    let spec = |a, b| vec![(a, PER), (b, LOC)];
    for s in [
        "Jane Roe was not President of Vandalia.",
        "Jane Roe was the daughter of the King of Vandalia.",
        "Jane Roe hoped to become President of Vandalia.",
        "Jane Roe was President of Vandalia's senate.",
        "Jane Roe was a critic of Vandalia.",
        "Jane Roe was a founder of Vandalia.",
    ] {
        assert_none(s, &spec("Jane Roe", "Vandalia"), AffiliatedWith);
    }
}

#[test]
fn descriptions_after_asides_and_titles() {
    // "(born 1959), is": the comma closes the aside.
    assert_kind(
        "Mark Dorn (born June 8, 1959), is an American former basketball player.",
        &[("Mark Dorn", PER), ("*American", LOC)],
        AffiliatedWith,
        &["affiliated_with Mark Dorn -> American (citizen)"],
    );
    // The last noun is a title head: "former CEO".
    assert_kind(
        "Osmund Dahl (born 1947) is a Norwegian civil servant and former CEO of Zentrix.",
        &[("Osmund Dahl", PER), ("*Norwegian", LOC), ("Zentrix", ORG)],
        AffiliatedWith,
        &["affiliated_with Osmund Dahl -> Norwegian (citizen)"],
    );
    assert_none(
        "Mark Dorn (born June 8, 1959), is not an American player.",
        &[("Mark Dorn", PER), ("*American", LOC)],
        AffiliatedWith,
    );
    // The description belongs to someone else.
    assert_none(
        "Tom Brask is the Norwegian CEO's driver.",
        &[("Tom Brask", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
    );
}

#[test]
fn nationality_before_organizations() {
    assert_kind(
        "It was designed by the Danish engineering firms Zentrix and Borvald.",
        &[("*Danish", LOC), ("Zentrix", ORG), ("Borvald", ORG)],
        LocatedIn,
        &[
            "located_in Zentrix -> Danish",
            "located_in Borvald -> Danish",
        ],
    );
    assert_none(
        "It was designed by Danish engineers for Zentrix.",
        &[("*Danish", LOC), ("Zentrix", ORG)],
        LocatedIn,
    );
    assert_none(
        "It was designed by the Danish-owned firm Zentrix.",
        &[("*Danish", LOC), ("Zentrix", ORG)],
        LocatedIn,
    );
}

#[test]
fn pairs_of_places_joined_by_and() {
    assert_kind(
        "The company has offices in both Springfield, Ohio and Salem, Oregon.",
        &[
            ("Springfield", LOC),
            ("Ohio", LOC),
            ("Salem", LOC),
            ("Oregon", LOC),
        ],
        LocatedIn,
        &[
            "located_in Springfield -> Ohio",
            "located_in Salem -> Oregon",
        ],
    );
    assert_none(
        "The company has offices in Iowa, Ohio and Utah.",
        &[("Iowa", LOC), ("Ohio", LOC), ("Utah", LOC)],
        LocatedIn,
    );
    assert_none(
        "The company has offices in Iowa, Ohio and Utah, and in Texas.",
        &[("Iowa", LOC), ("Ohio", LOC), ("Utah", LOC), ("Texas", LOC)],
        LocatedIn,
    );
}

#[test]
fn who_plays_for() {
    let spec = |p, o| vec![(p, PER), ("*Dutch", LOC), (o, ORG)];
    assert_kind(
        "Ana Welt (born 1990) is a Dutch footballer who plays for Zentrix FC.",
        &spec("Ana Welt", "Zentrix FC"),
        AffiliatedWith,
        &[
            "affiliated_with Ana Welt -> Zentrix FC",
            "affiliated_with Ana Welt -> Dutch (citizen)",
        ],
    );
    assert_kind(
        "Ana Welt is a Dutch footballer, who currently plays as a defender for Premier League club Zentrix FC.",
        &spec("Ana Welt", "Zentrix FC"),
        AffiliatedWith,
        &[
            "affiliated_with Ana Welt -> Zentrix FC",
            "affiliated_with Ana Welt -> Dutch (citizen)",
        ],
    );
    for s in [
        "Ana Welt is a Dutch footballer playing with Zentrix FC.",
        "Ana Welt is a Dutch footballer who plays for a Dutch club Zentrix FC.",
        "Ana Welt is a Dutch field hockey player who plays as a forward/midfield for a Dutch club Zentrix FC.",
    ] {
        assert_kind(
            s,
            &spec("Ana Welt", "Zentrix FC"),
            AffiliatedWith,
            &[
                "affiliated_with Ana Welt -> Zentrix FC",
                "affiliated_with Ana Welt -> Dutch (citizen)",
            ],
        );
    }
    assert_kind(
        "Ana Welt was a footballer from Belgium who played as a winger for Zentrix FC, from 2001.",
        &[("Ana Welt", PER), ("Belgium", LOC), ("Zentrix FC", ORG)],
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Zentrix FC"],
    );
    for s in [
        "Ana Welt is a Dutch footballer who never played for Zentrix FC.",
        "Ana Welt is a Dutch footballer who plays against Zentrix FC.",
        "Ana Welt is a Dutch footballer who plays as a guest for Zentrix FC's rivals.",
        "Ana Welt is a Dutch footballer who worked with Zentrix FC.",
        "Ana Welt is a Dutch footballer not playing for Zentrix FC.",
        "Ana Welt is a Dutch footballer, playing down Zentrix FC's chances.",
    ] {
        assert_kind(
            s,
            &spec("Ana Welt", "Zentrix FC"),
            AffiliatedWith,
            &["affiliated_with Ana Welt -> Dutch (citizen)"],
        );
    }
}

#[test]
fn located_transitive() {
    assert_kind(
        "Lake Orla is a lake located in Borvo County in the Vandalian province of Ostmark.",
        &[
            ("Lake Orla", LOC),
            ("Borvo County", LOC),
            ("*Vandalian", LOC),
            ("Ostmark", LOC),
        ],
        LocatedIn,
        &[
            "located_in Ostmark -> Vandalian",
            "located_in Lake Orla -> Borvo County",
            "located_in Borvo County -> Ostmark",
            "located_in Lake Orla -> Ostmark",
            "located_in Borvo County -> Vandalian",
            "located_in Lake Orla -> Vandalian",
        ],
    );
    // Two places in one sentence, each in its own larger one: no chain between them.
    assert_kind(
        "Lake Orla is a lake in Borvo County; Lake Ketil is a lake in Ostmark.",
        &[
            ("Lake Orla", LOC),
            ("Borvo County", LOC),
            ("Lake Ketil", LOC),
            ("Ostmark", LOC),
        ],
        LocatedIn,
        &[
            "located_in Lake Orla -> Borvo County",
            "located_in Lake Ketil -> Ostmark",
        ],
    );
}

#[test]
fn plays_for_a_team_named_after_a_place() {
    assert_kind(
        "Tom Brask played for Ostmark at the 2010 World Cup.",
        &[("Tom Brask", PER), ("Ostmark", LOC)],
        AffiliatedWith,
        &["affiliated_with Tom Brask -> Ostmark"],
    );
    for s in [
        "Tom Brask played in Ostmark at the 2010 World Cup.",
        "Tom Brask never played for Ostmark.",
        "Tom Brask played against Ostmark.",
    ] {
        assert_none(s, &[("Tom Brask", PER), ("Ostmark", LOC)], AffiliatedWith);
    }
}

#[test]
fn organization_with_its_address() {
    assert_kind(
        "The album was recorded at Borvo Studios, Springfield, Ohio and released in May.",
        &[("Borvo Studios", ORG), ("Springfield", LOC), ("Ohio", LOC)],
        LocatedIn,
        &[
            "located_in Borvo Studios -> Springfield",
            "located_in Springfield -> Ohio",
            "located_in Borvo Studios -> Ohio",
        ],
    );
    assert_kind(
        "She was a fellow at the Zentrix Institute, Berlin (2008-2009).",
        &[("Zentrix Institute", ORG), ("Berlin", LOC)],
        LocatedIn,
        &["located_in Zentrix Institute -> Berlin"],
    );
    // Fronted: the place is the subject of the clause.
    assert_none(
        "At Zentrix, Ostmark pushed for a vote.",
        &[("Zentrix", ORG), ("Ostmark", LOC)],
        LocatedIn,
    );
    // A list of organizations and places.
    assert_none(
        "She worked at Zentrix, Borvald, Ostmark and Vandalia.",
        &[
            ("Zentrix", ORG),
            ("Borvald", LOC),
            ("Ostmark", LOC),
            ("Vandalia", LOC),
        ],
        LocatedIn,
    );
    assert_none(
        "Talks with Zentrix, Ostmark said, will resume.",
        &[("Zentrix", ORG), ("Ostmark", LOC)],
        LocatedIn,
    );
}

#[test]
fn titles_and_work_in_descriptions() {
    assert_kind(
        "Ed Finn (June 5, 1905 – February 2, 1971) was a U.S. Representative from Illinois.",
        &[("Ed Finn", PER), ("U.S.", LOC), ("Illinois", LOC)],
        AffiliatedWith,
        &["affiliated_with Ed Finn -> U.S. (Representative)"],
    );
    assert_kind(
        "Ana Welt is a Green League MP.",
        &[("Ana Welt", PER), ("Green League", ORG)],
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Green League (MP)"],
    );
    assert_kind(
        "Eivind Dahl (1923 – 2012) was a Norwegian politician for the Green League.",
        &[
            ("Eivind Dahl", PER),
            ("*Norwegian", LOC),
            ("Green League", ORG),
        ],
        AffiliatedWith,
        &[
            "affiliated_with Eivind Dahl -> Green League",
            "affiliated_with Eivind Dahl -> Norwegian (citizen)",
        ],
    );
    assert_kind(
        "Ana Welt is a professor at Zentrix University.",
        &[("Ana Welt", PER), ("Zentrix University", ORG)],
        AffiliatedWith,
        &["affiliated_with Ana Welt -> Zentrix University"],
    );
}

#[test]
fn titles_and_work_in_descriptions_negative() {
    for (s, spec) in [
        // A lawyer in a city works there; "lawyer" holds no office of it.
        (
            "Ana Welt is a Springfield lawyer.",
            vec![("Ana Welt", PER), ("Springfield", LOC)],
        ),
        (
            "Ana Welt is not a Green League MP.",
            vec![("Ana Welt", PER), ("Green League", ORG)],
        ),
        (
            "Ana Welt is a critic of the Green League.",
            vec![("Ana Welt", PER), ("Green League", ORG)],
        ),
        (
            "Ana Welt was a candidate for the Green League's youth wing.",
            vec![("Ana Welt", PER), ("Green League", ORG)],
        ),
        (
            "Ana Welt is a Green League MP's aide.",
            vec![("Ana Welt", PER), ("Green League", ORG)],
        ),
    ] {
        assert_none(s, &spec, AffiliatedWith);
    }
}

#[test]
fn organizations_described_as_parts_of_others() {
    let spec = [("Borvo School", ORG), ("Zentrix University", ORG)];
    for s in [
        "Borvo School is the business school of Zentrix University in Springfield.",
        "Borvo School is a private school owned by Zentrix University.",
        "Borvo School, a private school run by the Zentrix University, opened in 1990.",
    ] {
        assert_kind(
            s,
            &spec,
            LinkedTo,
            &["linked_to Borvo School -- Zentrix University"],
        );
    }
    for s in [
        "Borvo School is not a school owned by Zentrix University.",
        "Borvo School is a private school praised by Zentrix University.",
        "Borvo School is the largest school of Zentrix University's rivals.",
        "Borvo School is a school of thought opposed to Zentrix University.",
    ] {
        assert_none(s, &spec, LinkedTo);
    }
    // A place is no owner.
    assert_none(
        "Borvo School is the business school of Springfield.",
        &[("Borvo School", ORG), ("Springfield", LOC)],
        LinkedTo,
    );
}

#[test]
fn sold_to() {
    let spec = [("Enasa", ORG), ("Iveco", ORG)];
    assert_kind(
        "In 1990 Enasa was sold to Iveco.",
        &spec,
        LinkedTo,
        &["linked_to Enasa -- Iveco"],
    );
    assert_none("In 1990 Enasa was not sold to Iveco.", &spec, LinkedTo);
    assert_none("Enasa sold trucks to Iveco.", &spec, LinkedTo);
}

#[test]
fn descriptions_with_title_nouns_and_qualifiers() {
    // A title noun that is also a cue ("director") still heads a description.
    assert_kind(
        "Tomas Vik is a Danish film director and writer.",
        &[("Tomas Vik", PER), ("*Danish", LOC)],
        AffiliatedWith,
        &["affiliated_with Tomas Vik -> Danish (citizen)"],
    );
    // "best known for" qualifies the noun before it.
    assert_kind(
        "Ola Berg (1901 – 1977) was a Swedish historian best known for his maps.",
        &[("Ola Berg", PER), ("*Swedish", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Swedish (citizen)"],
    );
}

#[test]
fn descriptions_with_title_nouns_and_qualifiers_negative() {
    // The director is someone else; "best known" does not reach back to the subject.
    assert_none(
        "Tomas Vik met a Danish film director.",
        &[("Tomas Vik", PER), ("*Danish", LOC)],
        AffiliatedWith,
    );
    assert_none(
        "Ola Berg was a historian best known for his Swedish maps.",
        &[("Ola Berg", PER), ("*Swedish", LOC)],
        AffiliatedWith,
    );
}

#[test]
fn located_in_a_part_of() {
    assert_kind(
        "Velo is a village in the far northeastern part of Marden County, Vandalia.",
        &[("Velo", LOC), ("Marden County", LOC), ("Vandalia", LOC)],
        LocatedIn,
        &[
            "located_in Marden County -> Vandalia",
            "located_in Velo -> Marden County",
            "located_in Velo -> Vandalia",
        ],
    );
    // The part of something other than the place: no edge from Velo.
    assert_kind(
        "Velo is a village in the part of the valley that Marden County claims.",
        &[("Velo", LOC), ("Marden County", LOC)],
        LocatedIn,
        &[],
    );
}

#[test]
fn member_roles_before_names() {
    assert_kind(
        "The song was written by Vortex Nine bassist Lena Holm.",
        &[("Vortex Nine", ORG), ("Lena Holm", PER)],
        AffiliatedWith,
        &["affiliated_with Lena Holm -> Vortex Nine (bassist)"],
    );
    assert_kind(
        "Daily Ledger columnist Omar Reyes praised the plan.",
        &[("Daily Ledger", ORG), ("Omar Reyes", PER)],
        AffiliatedWith,
        &["affiliated_with Omar Reyes -> Daily Ledger (columnist)"],
    );
}

#[test]
fn member_roles_before_names_negative() {
    // A singer from a city is not affiliated with it; an office of a place still is.
    assert_none(
        "Tickets sold out for Marlow singer Lena Holm.",
        &[("Marlow", LOC), ("Lena Holm", PER)],
        AffiliatedWith,
    );
    assert_kind(
        "Marlow mayor Lena Holm spoke.",
        &[("Marlow", LOC), ("Lena Holm", PER)],
        AffiliatedWith,
        &["affiliated_with Lena Holm -> Marlow (mayor)"],
    );
}

#[test]
fn place_pairs_closed_by_a_parallel_phrase() {
    assert_kind(
        "She studied at Acme School in Lakefield, Ontario, Beta University in Montreal, Quebec, and Gamma College in Leeds.",
        &[
            ("Acme School", ORG),
            ("Lakefield", LOC),
            ("Ontario", LOC),
            ("Beta University", ORG),
            ("Montreal", LOC),
            ("Quebec", LOC),
            ("Gamma College", ORG),
            ("Leeds", LOC),
        ],
        LocatedIn,
        &[
            "located_in Lakefield -> Ontario",
            "located_in Montreal -> Quebec",
            "located_in Gamma College -> Leeds",
        ],
    );
}

#[test]
fn place_pairs_closed_by_a_parallel_phrase_negative() {
    // A list of places followed by an organization without "in" stays a list.
    assert_none(
        "It has offices in Lakefield, Ontario, Acme said.",
        &[("Lakefield", LOC), ("Ontario", LOC), ("Acme", ORG)],
        LocatedIn,
    );
}

#[test]
fn people_of_a_described_organization() {
    assert_kind(
        "The song features Lena Holm and Omar Reyes of the Danish pop group Vortex Nine.",
        &[
            ("Lena Holm", PER),
            ("Omar Reyes", PER),
            ("*Danish", LOC),
            ("Vortex Nine", ORG),
        ],
        AffiliatedWith,
        &[
            "affiliated_with Omar Reyes -> Vortex Nine",
            "affiliated_with Lena Holm -> Vortex Nine",
        ],
    );
}

#[test]
fn people_of_a_described_organization_negative() {
    // "of the fans of": the organization is not what the person belongs to.
    assert_none(
        "Lena Holm of the fans of Vortex Nine spoke.",
        &[("Lena Holm", PER), ("Vortex Nine", ORG)],
        AffiliatedWith,
    );
    // A place in the group is no person.
    assert_kind(
        "They toured Denmark and Lena Holm of Vortex Nine.",
        &[("Denmark", LOC), ("Lena Holm", PER), ("Vortex Nine", ORG)],
        AffiliatedWith,
        &["affiliated_with Lena Holm -> Vortex Nine"],
    );
}

#[test]
fn party_in_brackets() {
    assert_kind(
        "The mayor is Janne Holm (Green Party) and her deputy is Omar Reyes (Labour Party).",
        &[
            ("Janne Holm", PER),
            ("Green Party", ORG),
            ("Omar Reyes", PER),
            ("Labour Party", ORG),
        ],
        AffiliatedWith,
        &[
            "affiliated_with Janne Holm -> Green Party",
            "affiliated_with Omar Reyes -> Labour Party",
        ],
    );
}

#[test]
fn party_in_brackets_negative() {
    // A bracketed organization that is not a party says nothing of the person.
    assert_none(
        "The speaker was Janne Holm (Acme Foods).",
        &[("Janne Holm", PER), ("Acme Foods", ORG)],
        AffiliatedWith,
    );
    // A party in brackets after a place or an organization is no membership.
    assert_none(
        "The vote in Vandalia (Green Party) was close.",
        &[("Vandalia", LOC), ("Green Party", ORG)],
        AffiliatedWith,
    );
}

#[test]
fn purchase_of_an_organization() {
    assert_kind(
        "Prices rose after Globex's purchase of Acme Foods.",
        &[("Globex", ORG), ("Acme Foods", ORG)],
        LinkedTo,
        &["linked_to Globex -- Acme Foods"],
    );
    assert_kind(
        "Globex's takeover of Acme Foods ended a long fight.",
        &[("Globex", ORG), ("Acme Foods", ORG)],
        LinkedTo,
        &["linked_to Globex -- Acme Foods"],
    );
}

#[test]
fn purchase_of_an_organization_negative() {
    for s in [
        "Globex's proposed acquisition of Acme Foods was blocked.",
        "Globex abandoned its planned takeover of Acme Foods.",
        "Globex did not complete its purchase of Acme Foods.",
        "Globex could seek the acquisition of Acme Foods.",
    ] {
        assert_none(s, &[("Globex", ORG), ("Acme Foods", ORG)], LinkedTo);
    }
}

#[test]
fn located_in_a_place_named_with_the() {
    assert_kind(
        "The climbers camped near Mount Verell in the Tarn Range.",
        &[("Mount Verell", LOC), ("Tarn Range", LOC)],
        LocatedIn,
        &["located_in Mount Verell -> Tarn Range"],
    );
    // A person "in the" place, and a time "in the" year: nothing.
    assert_none(
        "The award went to Ola Berg in the Tarn Range.",
        &[("Ola Berg", PER), ("Tarn Range", LOC)],
        LocatedIn,
    );
    // "the" before something other than a place's name gives nothing.
    assert_none(
        "Fighting near Velo in the spring spread to Marden County.",
        &[("Velo", LOC), ("Marden County", LOC)],
        LocatedIn,
    );
}

#[test]
fn located_in_a_site_after_any_word() {
    assert_kind(
        "She graduated from Harlow School of Art in Vandalia.",
        &[("Harlow School of Art", ORG), ("Vandalia", LOC)],
        LocatedIn,
        &["located_in Harlow School of Art -> Vandalia"],
    );
    assert_kind(
        "He later joined Marden University in Velo, Vandalia.",
        &[("Marden University", ORG), ("Velo", LOC), ("Vandalia", LOC)],
        LocatedIn,
        &[
            "located_in Marden University -> Velo",
            "located_in Marden University -> Vandalia",
            "located_in Velo -> Vandalia",
        ],
    );
    // An organization that is no site, and a church (a denomination), stay unplaced.
    assert_none(
        "He later joined Acme Foods in Vandalia.",
        &[("Acme Foods", ORG), ("Vandalia", LOC)],
        LocatedIn,
    );
    assert_none(
        "He leads the growth of Velo Gospel Church in Vandalia.",
        &[("Velo Gospel Church", ORG), ("Vandalia", LOC)],
        LocatedIn,
    );
    // A date after "in" is no place.
    assert_none(
        "She graduated from Harlow School of Art in 1990 and moved to Vandalia.",
        &[("Harlow School of Art", ORG), ("Vandalia", LOC)],
        LocatedIn,
    );
}

#[test]
fn nationality_after_asides_and_before_participles() {
    assert_kind(
        "Ola Berg, (3 May 1840 – 9 June 1911) was a Norwegian lawyer and judge.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Norwegian (citizen)"],
    );
    assert_kind(
        "Ola Berg () (born 1960) is a Norwegian painter.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Norwegian (citizen)"],
    );
    assert_kind(
        "Ola Berg (born 1960) is a Norwegian fine art photographer specializing in portraits.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Norwegian (citizen)"],
    );
    // The last of a list before the aside is not the subject.
    assert_none(
        "Lord of Velo, Ola Berg, (born 1960) is a Norwegian painter.",
        &[("Velo", LOC), ("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
    );
    // A participle before a noun is a modifier, not the end of the description.
    assert_kind(
        "Ola Berg (born 1960) is a Norwegian voice and singing teacher.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Norwegian (citizen)"],
    );
}

#[test]
fn nationality_before_listed_and_plural_nouns() {
    assert_kind(
        "The prize went to the Chilean painters Ana Vera and Luis Roa.",
        &[("*Chilean", LOC), ("Ana Vera", PER), ("Luis Roa", PER)],
        AffiliatedWith,
        &[
            "affiliated_with Ana Vera -> Chilean (citizen)",
            "affiliated_with Luis Roa -> Chilean (citizen)",
        ],
    );
    assert_kind(
        "The talks were led by the German envoys Karl Stein and Otto Brandt.",
        &[("*German", LOC), ("Karl Stein", PER), ("Otto Brandt", PER)],
        AffiliatedWith,
        &[
            "affiliated_with Karl Stein -> German (citizen)",
            "affiliated_with Otto Brandt -> German (citizen)",
        ],
    );
    assert_kind(
        "The song is by Polish pianist, composer and teacher Ewa Nowak.",
        &[("*Polish", LOC), ("Ewa Nowak", PER)],
        AffiliatedWith,
        &["affiliated_with Ewa Nowak -> Polish (citizen)"],
    );
    // A list of nationalities and things is no description of the name after it.
    assert_none(
        "She studied Polish grammar, history and Ewa Nowak.",
        &[("*Polish", LOC), ("Ewa Nowak", PER)],
        AffiliatedWith,
    );
    // A plural that names no person ("the German streets") describes nobody.
    assert_none(
        "They walked the German streets Karl Stein loved.",
        &[("*German", LOC), ("Karl Stein", PER)],
        AffiliatedWith,
    );
}

#[test]
fn nationality_of_a_military_description() {
    assert_kind(
        "Ola Berg was a Norwegian military officer, sportsman, and writer.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
        &["affiliated_with Ola Berg -> Norwegian (citizen)"],
    );
    // "the Norwegian military" as the object: no nationality of the subject.
    assert_none(
        "Ola Berg was a critic of the Norwegian military.",
        &[("Ola Berg", PER), ("*Norwegian", LOC)],
        AffiliatedWith,
    );
}

#[test]
fn located_in_a_direction_of_a_place() {
    assert_kind(
        "The attack happened in Velo, northern Vandalia, on Monday.",
        &[("Velo", LOC), ("Vandalia", LOC)],
        LocatedIn,
        &["located_in Velo -> Vandalia"],
    );
    // A list of places, each with its direction, is no address.
    assert_none(
        "It includes most of Velo, northern Marden as well as western Tarn.",
        &[("Velo", LOC), ("Marden", LOC), ("Tarn", LOC)],
        LocatedIn,
    );
    assert_none(
        "Troops moved into Velo, northern Marden and Tarn.",
        &[("Velo", LOC), ("Marden", LOC), ("Tarn", LOC)],
        LocatedIn,
    );
}

#[test]
fn a_name_of_type_other_inside_a_title() {
    let s = "Ola Berg, Vandalia's Minister for Trade, responded.";
    let mut ms = mentions(s, &[("Ola Berg", PER), ("Vandalia", LOC), ("Trade", LOC)]);
    ms[2].entity_type = EntityType::Other;
    assert_eq!(
        show(s, &ms),
        ["affiliated_with Ola Berg -> Vandalia (Minister for Trade) [affiliated.apposition]"]
    );
    // The indexes of the relations found still point into the mentions given.
    let s = "The Trade Act passed; Ola Berg is a member of Acme Party.";
    let mut ms = mentions(
        s,
        &[("Trade Act", LOC), ("Ola Berg", PER), ("Acme Party", ORG)],
    );
    ms[0].entity_type = EntityType::Other;
    let found = extract(s, &ms);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].source, found[0].target), (1, 2));
    // A name of type other still ends no relation.
    let s = "Ola Berg joined the Trade Act campaign.";
    let mut ms = mentions(s, &[("Ola Berg", PER), ("Trade Act", ORG)]);
    ms[1].entity_type = EntityType::Other;
    assert!(extract(s, &ms).is_empty());
}

#[test]
fn located_in_a_region_of_a_direction_of_a_place() {
    assert_kind(
        "Velo is a town in the Marden region of central Vandalia.",
        &[("Velo", LOC), ("Marden", LOC), ("Vandalia", LOC)],
        LocatedIn,
        &[
            "located_in Marden -> Vandalia",
            "located_in Velo -> Marden",
            "located_in Velo -> Vandalia",
        ],
    );
    // Without the direction, "the A region of B" keeps its reading (B in A).
    assert_kind(
        "Fighting reached the Marden town of Velo.",
        &[("Marden", LOC), ("Velo", LOC)],
        LocatedIn,
        &["located_in Velo -> Marden"],
    );
    // A nationality word before the noun is no place of the phrase.
    assert_none(
        "It is the Vandalian region of central Marden.",
        &[("*Vandalian", LOC), ("Marden", LOC)],
        LocatedIn,
    );
}

#[test]
fn person_of_a_described_organization_without_the() {
    assert_kind(
        "The cover is of a song by Lena Holm of Danish pop group Vortex Nine.",
        &[("Lena Holm", PER), ("*Danish", LOC), ("Vortex Nine", ORG)],
        AffiliatedWith,
        &["affiliated_with Lena Holm -> Vortex Nine"],
    );
    // "of" and a description that is no organization's: nothing.
    assert_none(
        "It is a portrait by Lena Holm of Danish fishing villages near Vortex Nine.",
        &[("Lena Holm", PER), ("*Danish", LOC), ("Vortex Nine", ORG)],
        AffiliatedWith,
    );
}

#[test]
fn located_in_by_a_possessive() {
    assert_kind(
        "The trip began at Vandalia's Velo Airport and ended in Tarn.",
        &[("Vandalia", LOC), ("Velo Airport", LOC), ("Tarn", LOC)],
        LocatedIn,
        &["located_in Velo Airport -> Vandalia"],
    );
    assert_kind(
        "The orchestra played at the court in Vandalia's capital Velo.",
        &[("Vandalia", LOC), ("Velo", LOC)],
        LocatedIn,
        &["located_in Velo -> Vandalia"],
    );
    assert_kind(
        "It was founded by Vandalia's National Assembly (VNA) in 1990.",
        &[("Vandalia", LOC), ("National Assembly", ORG), ("VNA", ORG)],
        LocatedIn,
        &["located_in National Assembly -> Vandalia"],
    );
    // The name modifies a noun: "Vandalia's Acme allies" says nothing of Acme's place.
    assert_none(
        "The plan worried Vandalia's Acme allies.",
        &[("Vandalia", LOC), ("Acme", ORG)],
        LocatedIn,
    );
    // A saint's name is part of the name after it.
    assert_none(
        "She studied at St. Velo's Art College.",
        &[("St. Velo", LOC), ("Art College", ORG)],
        LocatedIn,
    );
    // A person's possessive places nothing.
    assert_none(
        "Ola Berg's Acme Foods grew fast.",
        &[("Ola Berg", PER), ("Acme Foods", ORG)],
        LocatedIn,
    );
}

#[test]
fn located_in_an_organization_the_sentence_puts_there() {
    // Its fighters, forces or targets are there.
    assert_kind(
        "Jets bombed Red Hand fighters in Velonia and Marovia on Sunday.",
        &[("Red Hand", ORG), ("Velonia", LOC), ("Marovia", LOC)],
        LocatedIn,
        &[
            "located_in Red Hand -> Velonia",
            "located_in Red Hand -> Marovia",
        ],
    );
    assert_kind(
        "Jets struck at Red Hand targets in northern Velonia.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Red Hand -> Velonia"],
    );
    // Fought there.
    assert_kind(
        "The allies vowed to defeat the Red Hand in both Velonia and Marovia.",
        &[("Red Hand", ORG), ("Velonia", LOC), ("Marovia", LOC)],
        LocatedIn,
        &[
            "located_in Red Hand -> Velonia",
            "located_in Red Hand -> Marovia",
        ],
    );
    assert_kind(
        "The army pressed its offensive against Red Hand in Velonia.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Red Hand -> Velonia"],
    );
    assert_kind(
        "They celebrated the defeat of Red Hand in Velonia.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Red Hand -> Velonia"],
    );
    // Its presence there.
    assert_kind(
        "Red Hand's presence in Velonia alarmed the villagers.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Red Hand -> Velonia"],
    );
}

#[test]
fn located_in_an_organization_not_put_there() {
    // Praise, a report or a sale says nothing of where the organization is.
    assert_none(
        "The minister praised Acme Foods in Velonia on Monday.",
        &[("Acme Foods", ORG), ("Velonia", LOC)],
        LocatedIn,
    );
    assert_none(
        "He told Acme News in Velonia that talks had stalled.",
        &[("Acme News", ORG), ("Velonia", LOC)],
        LocatedIn,
    );
    // A country's forces in another country are not a country inside it.
    assert_none(
        "Marovian forces in Velonia withdrew.",
        &[("*Marovian", LOC), ("Velonia", LOC)],
        LocatedIn,
    );
    // The profits, not the company, are in the place named.
    assert_none(
        "Acme Foods's profits in Velonia fell.",
        &[("Acme Foods", ORG), ("Velonia", LOC)],
        LocatedIn,
    );
    // "in A and Bs": a place and a phrase are no list of places.
    assert_none(
        "Jets bombed Red Hand fighters in Velonia and Marovian towns.",
        &[("Red Hand", ORG), ("Velonia", LOC), ("*Marovian", LOC)],
        LocatedIn,
    );
}

#[test]
fn located_fronted_place_holds_its_clause() {
    assert_kind(
        "Near Velo, three strikes engaged two Red Hand units; destroyed a truck.",
        &[("Velo", LOC), ("Red Hand", ORG)],
        LocatedIn,
        &["located_in Red Hand -> Velo"],
    );
    assert_kind(
        "In Velonia, Blue Shield forces conducted nine strikes against Red Hand targets.",
        &[("Velonia", LOC), ("Blue Shield", ORG), ("Red Hand", ORG)],
        LocatedIn,
        &[
            "located_in Blue Shield -> Velonia",
            "located_in Red Hand -> Velonia",
        ],
    );
}

#[test]
fn located_fronted_place_negative() {
    // A party's voters, and a bare organization fought in words, are nowhere.
    assert_none(
        "In Velonia, Greens have a small edge in the early count.",
        &[("Velonia", LOC), ("Greens", ORG)],
        LocatedIn,
    );
    assert_none(
        "In Velonia, he discussed the campaign against Red Hand.",
        &[("Velonia", LOC), ("Red Hand", ORG)],
        LocatedIn,
    );
    // Negated, or reported from there.
    assert_none(
        "In Velonia, Blue Shield forces have not engaged Red Hand units.",
        &[("Velonia", LOC), ("Blue Shield", ORG), ("Red Hand", ORG)],
        LocatedIn,
    );
    assert_none(
        "In Velonia, officials said Blue Shield forces struck Red Hand units.",
        &[("Velonia", LOC), ("Blue Shield", ORG), ("Red Hand", ORG)],
        LocatedIn,
    );
    // Without its comma the place may be a subject's modifier.
    assert_none(
        "Near Velo three strikes engaged two Red Hand units.",
        &[("Velo", LOC), ("Red Hand", ORG)],
        LocatedIn,
    );
}

#[test]
fn opposes_possessive_noun_after_a_verb() {
    // "X's fight against Y" states it wherever the phrase stands.
    assert_kind(
        "Many villagers want to join the Blue Shield's fight against Red Hand.",
        &[("Blue Shield", ORG), ("Red Hand", ORG)],
        Opposes,
        &["opposes Blue Shield -> Red Hand"],
    );
    assert_kind(
        "He was sent to improve Red Hand's defenses against the Blue Shield.",
        &[("Red Hand", ORG), ("Blue Shield", ORG)],
        Opposes,
        &["opposes Red Hand -> Blue Shield"],
    );
    // Hedged outside the phrase, it still holds; negated inside it, it does not.
    assert_kind(
        "They may soon join Blue Shield's war on Red Hand.",
        &[("Blue Shield", ORG), ("Red Hand", ORG)],
        Opposes,
        &["opposes Blue Shield -> Red Hand"],
    );
    assert_none(
        "Reporters mocked Red Hand's failed attack on the Blue Shield.",
        &[("Red Hand", ORG), ("Blue Shield", ORG)],
        Opposes,
    );
    // A defense of someone is no attack on them.
    assert_none(
        "Critics mocked Ann Vole's defense of Bo Dane.",
        &[("Ann Vole", PER), ("Bo Dane", PER)],
        Opposes,
    );
}

#[test]
fn opposes_defeat_verbs() {
    assert_kind(
        "Blue Shield forces defeated Red Hand near the river.",
        &[("Blue Shield", ORG), ("Red Hand", ORG)],
        Opposes,
        &["opposes Blue Shield -> Red Hand"],
    );
    assert_kind(
        "Velonia is working to counter Red Hand.",
        &[("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
        &["opposes Velonia -> Red Hand"],
    );
    assert_kind(
        "Velonia vowed to degrade and destroy Red Hand.",
        &[("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
        &["opposes Velonia -> Red Hand"],
    );
    // "countered on Twitter": a reply, and no object.
    assert_none(
        "Ann Vole countered on Twitter that the plan was sound.",
        &[("Ann Vole", PER), ("Twitter", ORG)],
        Opposes,
    );
    assert_none(
        "Velonia could defeat Red Hand.",
        &[("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
    );
}

#[test]
fn opposes_the_side_helped_to_fight() {
    assert_kind(
        "Marovia stands by Velonia to defeat Red Hand.",
        &[("Marovia", LOC), ("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
        &["opposes Velonia -> Red Hand", "opposes Marovia -> Red Hand"],
    );
    assert_kind(
        "Marovia backs Velonia and the Blue Shield to fight Red Hand.",
        &[
            ("Marovia", LOC),
            ("Velonia", LOC),
            ("Blue Shield", ORG),
            ("Red Hand", ORG),
        ],
        Opposes,
        &[
            "opposes Blue Shield -> Red Hand",
            "opposes Velonia -> Red Hand",
            "opposes Marovia -> Red Hand",
        ],
    );
    // Not helped: "asked X to fight Y" is a request; refused help is none.
    assert_none(
        "Marovia asked Velonia to fight Red Hand.",
        &[("Marovia", LOC), ("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
    );
    assert_none(
        "Marovia refused to back Velonia to fight Red Hand.",
        &[("Marovia", LOC), ("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
    );
}

#[test]
fn located_in_more_place_phrases() {
    // An Arabic article before a place's name.
    assert_kind(
        "A bomb exploded in al-Varra in Velonia",
        &[("al-Varra", LOC), ("Velonia", LOC)],
        LocatedIn,
        &["located_in al-Varra -> Velonia"],
    );
    // A division noun after the name; "the city of" before it; a verb after the phrase.
    assert_kind(
        "Troops moved into Varra province in Velonia on Monday.",
        &[("Varra", LOC), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Varra -> Velonia"],
    );
    assert_kind(
        "The city of Varra in Velonia was taken by the rebels.",
        &[("Varra", LOC), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Varra -> Velonia"],
    );
    assert_kind(
        "Strikes in Velonia's Varra province killed ten fighters.",
        &[("Velonia", LOC), ("Varra province", LOC)],
        LocatedIn,
        &["located_in Varra province -> Velonia"],
    );
    // "a Rustbelt town in X": the town, not the modifier, is in X; "U.S. officials in
    // Paris" put no country in a city.
    assert_none(
        "The novel is set in a Varra town in Velonia.",
        &[("Varra", LOC), ("Velonia", LOC)],
        LocatedIn,
    );
    assert_none(
        "They met Marovian officials in Velo on Friday.",
        &[("*Marovian", LOC), ("Velo", LOC)],
        LocatedIn,
    );
    assert_none(
        "They met Marovia officials in Velo on Friday.",
        &[("Marovia", LOC), ("Velo", LOC)],
        LocatedIn,
    );
}

#[test]
fn opposes_missions_and_commitments() {
    // A relative pronoun's antecedent may stand after a verb.
    assert_kind(
        "The pilots will join the 12th Squadron, which will fly strike missions against Red Hand.",
        &[("12th Squadron", ORG), ("Red Hand", ORG)],
        Opposes,
        &["opposes 12th Squadron -> Red Hand"],
    );
    assert_kind(
        "Red Hand remains committed to carrying out attacks against Velonia.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        Opposes,
        &["opposes Red Hand -> Velonia"],
    );
    // Inside another noun's phrase the name is not the antecedent.
    assert_none(
        "They met a lawyer with Blue Shield who has long fought Red Hand.",
        &[("Blue Shield", ORG), ("Red Hand", ORG)],
        Opposes,
    );
    assert_none(
        "Red Hand is not committed to carrying out attacks against Velonia.",
        &[("Red Hand", ORG), ("Velonia", LOC)],
        Opposes,
    );
}

#[test]
fn opposes_supporter_of_a_fighting_side() {
    assert_kind(
        "Norway stands by Mali to defeat the Blue Brigade.",
        &[("Norway", LOC), ("Mali", LOC), ("Blue Brigade", ORG)],
        Opposes,
        &[
            "opposes Mali -> Blue Brigade",
            "opposes Norway -> Blue Brigade",
        ],
    );
    assert_kind(
        "Ottawa reaffirmed Canadian support for Kenya in its fight against al-Shabaab.",
        &[("*Canadian", LOC), ("Kenya", LOC), ("al-Shabaab", ORG)],
        Opposes,
        &[
            "opposes Kenya -> al-Shabaab",
            "opposes Canadian -> al-Shabaab",
        ],
    );
    // Backing a side for something else is no fight of the backer's.
    assert_kind(
        "Norway backs Mali, and Mali will fight the Blue Brigade.",
        &[
            ("Norway", LOC),
            ("Mali", LOC),
            ("Mali", LOC),
            ("Blue Brigade", ORG),
        ],
        Opposes,
        &["opposes Mali -> Blue Brigade"],
    );
    assert_none(
        "Norway might stand by Mali to defeat the Blue Brigade.",
        &[("Norway", LOC), ("Mali", LOC), ("Blue Brigade", ORG)],
        Opposes,
    );
}

#[test]
fn opposes_kill_use_of_weapons_and_efforts() {
    assert_kind(
        "The Red Hand killed 12 members of the Oro clan on Sunday.",
        &[("Red Hand", ORG), ("Oro clan", ORG)],
        Opposes,
        &["opposes Red Hand -> Oro clan"],
    );
    assert_kind(
        "Tom Vale was killed by the Red Hand.",
        &[("Tom Vale", PER), ("Red Hand", ORG)],
        Opposes,
        &["opposes Red Hand -> Tom Vale"],
    );
    assert_kind(
        "Velonia has used chemical weapons against Ardenia.",
        &[("Velonia", LOC), ("Ardenia", LOC)],
        Opposes,
        &["opposes Velonia -> Ardenia"],
    );
    assert_kind(
        "The Red Hand fired rockets into Ardenia on Sunday.",
        &[("Red Hand", ORG), ("Ardenia", LOC)],
        Opposes,
        &["opposes Red Hand -> Ardenia"],
    );
    assert_kind(
        "Velonia is working to degrade and defeat the Red Hand.",
        &[("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
        &["opposes Velonia -> Red Hand"],
    );
    assert_none(
        "The Red Hand did not kill members of the Oro clan.",
        &[("Red Hand", ORG), ("Oro clan", ORG)],
        Opposes,
    );
    assert_none(
        "Velonia could use force against Ardenia.",
        &[("Velonia", LOC), ("Ardenia", LOC)],
        Opposes,
    );
    assert_none(
        "Velonia has never used force against Ardenia.",
        &[("Velonia", LOC), ("Ardenia", LOC)],
        Opposes,
    );
    // "Fired" of a person is a dismissal, no attack.
    assert_none(
        "Tom Vale was fired by Acme Bank.",
        &[("Tom Vale", PER), ("Acme Bank", ORG)],
        Opposes,
    );
    // "Killed in" names where, not whom.
    assert_none(
        "Velonia lost soldiers killed in Ardenia.",
        &[("Velonia", LOC), ("Ardenia", LOC)],
        Opposes,
    );
}

#[test]
fn members_of_stand_for_their_organization() {
    assert_kind(
        "Jane Roe met officials of the Acme Union in Brussels.",
        &[("Jane Roe", PER), ("Acme Union", ORG), ("Brussels", LOC)],
        Meets,
        &["meets Jane Roe -- Acme Union"],
    );
    assert_kind(
        "Norway stands shoulder to shoulder with the government and people of Mali.",
        &[("Norway", LOC), ("Mali", LOC)],
        Supports,
        &["supports Norway -> Mali"],
    );
    // Two nouns that are not people of it: "the cities and towns of Mali".
    assert_none(
        "Norway backs the cities and towns of Mali.",
        &[("Norway", LOC), ("Mali", LOC)],
        Supports,
    );
    // "a group of" is no organization's members.
    assert_none(
        "Jane Roe met a group of Acme Union staff.",
        &[("Jane Roe", PER), ("Acme Union", ORG)],
        Meets,
    );
}

#[test]
fn located_which_is_based_and_other_places() {
    assert_kind(
        "Tom Vale joined Acme Works, which is based in Leeds, last year.",
        &[("Tom Vale", PER), ("Acme Works", ORG), ("Leeds", LOC)],
        LocatedIn,
        &["located_in Acme Works -> Leeds"],
    );
    assert_none(
        "Acme Works, which is no longer based in Leeds, makes cars.",
        &[("Acme Works", ORG), ("Leeds", LOC)],
        LocatedIn,
    );
    assert_none(
        "Acme Works, which may be based in Leeds, makes cars.",
        &[("Acme Works", ORG), ("Leeds", LOC)],
        LocatedIn,
    );
    assert_kind(
        "Floods hit Tarvo and other towns and villages in northern Velonia.",
        &[("Tarvo", LOC), ("Velonia", LOC)],
        LocatedIn,
        &["located_in Tarvo -> Velonia"],
    );
    // "other" of another kind of thing says nothing of where Tarvo is.
    assert_none(
        "Tarvo and other teams in Velonia played.",
        &[("Tarvo", LOC), ("Velonia", LOC)],
        LocatedIn,
    );
}

#[test]
fn affiliated_led_assigned_represented_and_bare_titles() {
    assert_kind(
        "Acme Bank is currently led by Jane Roe.",
        &[("Acme Bank", ORG), ("Jane Roe", PER)],
        AffiliatedWith,
        &["affiliated_with Jane Roe -> Acme Bank"],
    );
    assert_kind(
        "The Acme Party, represented by Jane Roe, signed the deal.",
        &[("Acme Party", ORG), ("Jane Roe", PER)],
        AffiliatedWith,
        &["affiliated_with Jane Roe -> Acme Party"],
    );
    assert_kind(
        "Peter Hall was assigned to the Acme Division in 2010.",
        &[("Peter Hall", PER), ("Acme Division", ORG)],
        AffiliatedWith,
        &["affiliated_with Peter Hall -> Acme Division"],
    );
    assert_kind(
        "Jane Roe, chairman, Acme Bank, said the deal was done.",
        &[("Jane Roe", PER), ("Acme Bank", ORG)],
        AffiliatedWith,
        &["affiliated_with Jane Roe -> Acme Bank (chairman)"],
    );
    // A place led by someone is no organization of theirs; a list is no apposition.
    assert_none(
        "Velonia is led by Jane Roe.",
        &[("Velonia", LOC), ("Jane Roe", PER)],
        AffiliatedWith,
    );
    assert_none(
        "Jane Roe, chairman, Acme Bank and Beta Corp signed.",
        &[("Jane Roe", PER), ("Acme Bank", ORG), ("Beta Corp", ORG)],
        AffiliatedWith,
    );
    assert_none(
        "Acme Bank was never led by Jane Roe.",
        &[("Acme Bank", ORG), ("Jane Roe", PER)],
        AffiliatedWith,
    );
    assert_none(
        "Peter Hall may be assigned to the Acme Division.",
        &[("Peter Hall", PER), ("Acme Division", ORG)],
        AffiliatedWith,
    );
}

#[test]
fn located_group_noun_ends_the_name() {
    assert_kind(
        "Gunmen killed members of the Oro tribe in Anbar province.",
        &[("Oro", ORG), ("Anbar province", LOC)],
        LocatedIn,
        &["located_in Oro -> Anbar province"],
    );
    // A part of the body is where it is, not the body.
    assert_none(
        "Kelvo spoke to WXRT, the Acme Radio affiliate in Tarvo.",
        &[
            ("Kelvo", PER),
            ("WXRT", ORG),
            ("Acme Radio", ORG),
            ("Tarvo", LOC),
        ],
        LocatedIn,
    );
    // A bare name before "tribe in" is no address ("NATO in Afghanistan").
    assert_none(
        "Gunmen killed Oro tribe members in Anbar province.",
        &[("Oro", ORG), ("Anbar province", LOC)],
        LocatedIn,
    );
}

#[test]
fn the_nation_people_stand_for_the_country() {
    assert_kind(
        "Tom Vale has used chemical weapons against the Velonian people.",
        &[("Tom Vale", PER), ("*Velonian", LOC)],
        Opposes,
        &["opposes Tom Vale -> Velonian"],
    );
    // Met or backed, "the Velonian people" are the public, not the state.
    assert_none(
        "Senator Tom Vale met with the Velonian people in Tarvo on Monday.",
        &[("Tom Vale", PER), ("*Velonian", LOC), ("Tarvo", LOC)],
        Meets,
    );
    assert_none(
        "Norway backs the Malian people in their struggle.",
        &[("Norway", LOC), ("*Malian", LOC)],
        Supports,
    );
    // Without "the", "Velonian people" are some people, not the nation.
    assert_none(
        "Tom Vale attacked Velonian people in the market.",
        &[("Tom Vale", PER), ("*Velonian", LOC)],
        Opposes,
    );
}

#[test]
fn opposes_helped_to_two_verbs() {
    assert_kind(
        "Ardenia is assisting the Velonian government to degrade and ultimately destroy Red Hand.",
        &[("Ardenia", LOC), ("*Velonian", LOC), ("Red Hand", ORG)],
        Opposes,
        &[
            "opposes Velonian -> Red Hand",
            "opposes Ardenia -> Red Hand",
        ],
    );
    // Asking is no help.
    assert_none(
        "Ardenia asked Velonia to degrade and destroy Red Hand.",
        &[("Ardenia", LOC), ("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
    );
    assert_none(
        "Ardenia refused to help Velonia to degrade and destroy Red Hand.",
        &[("Ardenia", LOC), ("Velonia", LOC), ("Red Hand", ORG)],
        Opposes,
    );
}

#[test]
fn located_bare_comma_pair() {
    let got = rels(
        "Rebels stormed Tarvo, Velonia, on Monday.",
        &[("Tarvo", LOC), ("Velonia", LOC)],
    );
    assert_eq!(got, ["located_in Tarvo -> Velonia [located.comma-bare]"]);
    // A headline's comma is "and"; a list goes on; a name before makes it a list.
    assert_none(
        "Tarvo, Velonia agree to talks.",
        &[("Tarvo", LOC), ("Velonia", LOC)],
        LocatedIn,
    );
    assert_none(
        "Envoys of Tarvo, Velonia and Ardenia met.",
        &[("Tarvo", LOC), ("Velonia", LOC), ("Ardenia", LOC)],
        LocatedIn,
    );
    assert_none(
        "Rebels stormed Tarvo, Velonia, Ardenia.",
        &[("Tarvo", LOC), ("Velonia", LOC), ("Ardenia", LOC)],
        LocatedIn,
    );
    assert_none(
        "Talks involving Tarvo, Velonia, the Ardenian Union and others resumed.",
        &[("Tarvo", LOC), ("Velonia", LOC), ("Ardenian Union", ORG)],
        LocatedIn,
    );
}

/// Descriptions of places and organizations read the clause's negation only where a
/// description could follow the link; what they find, and what negation drops, is the same.
#[test]
fn descriptions_are_negated_where_they_are_read() {
    type Spec<'a> = &'a [(&'a str, EntityType)];
    let cases: [(&str, &str, Spec, RelationKind); 4] = [
        (
            "Acme is a Norwegian company.",
            "Acme is not a Norwegian company.",
            &[("Acme", ORG), ("*Norwegian", LOC)],
            LocatedIn,
        ),
        (
            "Springfield is located in Illinois.",
            "Springfield is not located in Illinois.",
            &[("Springfield", LOC), ("Illinois", LOC)],
            LocatedIn,
        ),
        (
            "Acme, based in Leeds, grew.",
            "If Acme, based in Leeds, grew, Beta would.",
            &[("Acme", ORG), ("Leeds", LOC)],
            LocatedIn,
        ),
        (
            "Jane Roe is an American actress.",
            "Jane Roe is not an American actress.",
            &[("Jane Roe", PER), ("*American", LOC)],
            AffiliatedWith,
        ),
    ];
    for (yes, no, spec, k) in cases {
        assert!(
            !kind(yes, spec, k).is_empty(),
            "{yes}: {:#?}",
            rels(yes, spec)
        );
        assert_none(no, spec, k);
    }
    // No description after the link: nothing either way.
    assert_none(
        "Acme, Beta and Gamma did not grow.",
        &[("Acme", ORG), ("Beta", ORG), ("Gamma", ORG)],
        LinkedTo,
    );
}
#[test]
fn located_in_by_based_compound() {
    assert_kind(
        "The Leeds-based Acme Works cut 200 jobs.",
        &[("Leeds", LOC), ("Acme Works", ORG)],
        LocatedIn,
        &["located_in Acme Works -> Leeds"],
    );
    // The name only qualifies the noun after it: "a Leeds-based Acme company" says
    // nothing of Acme's seat.
    for s in [
        "She joined a Leeds-based Acme company in May.",
        "A Leeds-based Acme official said no.",
    ] {
        assert_none(s, &[("Leeds", LOC), ("Acme", ORG)], LocatedIn);
    }
}

#[test]
fn located_in_by_a_direction_after_a_comma() {
    for s in [
        "Protests erupted in Lyon, in eastern France, on Monday.",
        "Clashes broke out in the city of Lyon, in eastern France.",
    ] {
        assert_kind(
            s,
            &[("Lyon", LOC), ("France", LOC)],
            LocatedIn,
            &["located_in Lyon -> France"],
        );
    }
    // A list of "in" phrases names places side by side.
    for s in [
        "Protests erupted in Lyon, in France and in Spain.",
        "Protests erupted in Lyon, in eastern France and Spain.",
    ] {
        assert_none(
            s,
            &[("Lyon", LOC), ("France", LOC), ("Spain", LOC)],
            LocatedIn,
        );
    }
}

#[test]
fn member_roles_of_news_staff() {
    assert_kind(
        "Daily Ledger anchor Omar Reyes asked about the plan.",
        &[("Daily Ledger", ORG), ("Omar Reyes", PER)],
        AffiliatedWith,
        &["affiliated_with Omar Reyes -> Daily Ledger (anchor)"],
    );
    assert_kind(
        "Omar Reyes, an Acme Works engineer, said the plan was late.",
        &[("Omar Reyes", PER), ("Acme Works", ORG)],
        AffiliatedWith,
        &["affiliated_with Omar Reyes -> Acme Works (engineer)"],
    );
    // A staff role is an organization's, never a place's.
    assert_none(
        "Marlow coach Lena Holm spoke.",
        &[("Marlow", LOC), ("Lena Holm", PER)],
        AffiliatedWith,
    );
    // With no organization before it, "host" is the verb.
    assert_kind(
        "Leon Varga will host President Omar Reyes at the palace.",
        &[("Leon Varga", PER), ("Omar Reyes", PER)],
        Meets,
        &["meets Leon Varga -- Omar Reyes"],
    );
}

/// The description rules run on every sentence that names an organization or a place: the
/// smallest sentences each of their kinds fires on, with a single such name (a nationality
/// word, or one organization beside a person) or two organizations and no person.
#[test]
fn descriptions_run_at_the_edge_of_their_skip() {
    type Case<'a> = (&'a str, &'a [(&'a str, EntityType)], &'a str);
    let cases: &[Case] = &[
        // One person and one nationality word: the only non-person is a demonym.
        (
            "Jane Roe is an American actress.",
            &[("Jane Roe", PER), ("*American", LOC)],
            "affiliated_with Jane Roe -> American (citizen) [affiliated.demonym]",
        ),
        // One person and one organization.
        (
            "Rob Baker of the Tragically Hip played.",
            &[("Rob Baker", PER), ("Tragically Hip", ORG)],
            "affiliated_with Rob Baker -> Tragically Hip [affiliated.of]",
        ),
        // No person: one organization and a nationality word.
        (
            "Acme is a Norwegian football club.",
            &[("Acme", ORG), ("*Norwegian", LOC)],
            "located_in Acme -> Norwegian [located.demonym]",
        ),
        // No person and no place: two organizations.
        (
            "Acme is a channel owned by Beta.",
            &[("Acme", ORG), ("Beta", ORG)],
            "linked_to Acme -- Beta [linked.description]",
        ),
    ];
    for (sentence, spec, want) in cases {
        let got = rels(sentence, spec);
        assert!(got.iter().any(|l| l == want), "{sentence}: {got:#?}");
    }
}

/// The skip is exact: on sentences naming only people, the description rules, run anyway,
/// keep nothing, however much the words look like a description; with the later names
/// made organizations or places (`other`), the same words give a description.
#[test]
fn descriptions_keep_nothing_between_people() {
    let cases: &[(&str, &[&str], EntityType)] = &[
        (
            "Jane Roe is an actress who plays for John Smith.",
            &["Jane Roe", "John Smith"],
            ORG,
        ),
        (
            "Rob Baker of John Smith played.",
            &["Rob Baker", "John Smith"],
            ORG,
        ),
        (
            "Jane Roe is the president of John Smith.",
            &["Jane Roe", "John Smith"],
            ORG,
        ),
        (
            "Jane Roe was the mayor of John Smith.",
            &["Jane Roe", "John Smith"],
            LOC,
        ),
    ];
    let lex = Lexicon::get();
    let described = |sentence: &str, ms: &[SentenceMention]| {
        let lower = sentence.to_ascii_lowercase();
        let toks = tokens::tokenize(sentence, &lower, ms);
        let chunks = units::chunk(sentence, &toks, ms, lex);
        let s = Sentence::new(sentence, &toks, ms, &chunks.units, &chunks.owner, lex);
        let mut out = Collector {
            mentions: ms,
            found: Vec::new(),
        };
        descriptions::find(&s, &mut out);
        out.found
    };
    for &(sentence, names, other) in cases {
        let people: Vec<(&str, EntityType)> = names.iter().map(|&n| (n, PER)).collect();
        let found = described(sentence, &mentions(sentence, &people));
        assert!(found.is_empty(), "{sentence}: {found:#?}");
        let mixed: Vec<(&str, EntityType)> = names
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, if i == 0 { PER } else { other }))
            .collect();
        let found = described(sentence, &mentions(sentence, &mixed));
        assert!(!found.is_empty(), "{sentence} with {other:?}: nothing");
    }
}

/// `is_question` as first written: trimmed, then read.
fn is_question_first(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)]".contains(c))
        .ends_with('?')
}

#[test]
fn questions_end_in_a_question_mark_past_quotes_and_brackets() {
    for (s, q) in [
        ("Did Kerry meet Lavrov?", true),
        ("Did Kerry meet Lavrov?\u{201d} ", true),
        ("\"Why?\")] \u{a0}", true),
        ("Kerry met Lavrov.", false),
        ("?", true),
        ("", false),
        (" ’", false),
    ] {
        assert_eq!(is_question(s), q, "{s}");
        assert_eq!(is_question_first(s), q, "{s}");
    }
}

proptest::proptest! {
    #[test]
    fn any_sentence_is_a_question_as_first_read(
        s in "([a?. \"')\\]\u{a0}\u{2028}]|\u{201d}|\u{2019}|\u{201c}|\u{e9}){0,12}",
    ) {
        proptest::prop_assert_eq!(is_question(&s), is_question_first(&s));
    }
}
