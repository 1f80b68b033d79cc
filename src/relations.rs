//! Typed relations stated by one sentence, between the entities it mentions.
//!
//! The rules read the words between and around the mentions: a small tokenizer keeps each
//! mention as one token, noun phrases are built around mentions ("U.S. Secretary of State
//! John Kerry", "the Syrian city of Aleppo", "Russian forces", "US-backed rebels"), and cue
//! words from `data/relation_cues.tsv` link the phrase before them (the subject, or the
//! coordinated subjects "X and Y") to the phrase after them (the object). Only closed-class
//! words (auxiliaries, adverbs, dates, determiners: `data/relation_words.txt`) may sit
//! between a subject, its cue and its object, so a relation never reaches across a clause
//! or into a phrase the rules do not understand: precision comes before recall, and every
//! edge should read as true from the sentence alone. A relative pronoun's antecedent
//! ("the 134th Squadron, which will fly missions against ISIL") may stand anywhere but
//! inside another noun's phrase ("a lawyer with Acme who ..."). A passive ("Assad is backed by
//! Moscow", "Hezbollah, backed by Iran,") reverses the direction; a relative pronoun
//! ("Russia, which backs Assad") reaches back to its antecedent; "X backs Y and has
//! accused Z" shares the subject. Never between two mentions of one entity.
//!
//! # Rules
//!
//! Each rule has a stable id, named in the evidence of the edge it produced:
//!
//! | id | matches |
//! | --- | --- |
//! | `meets.verb` | X meets/met (with)/talks with/conferred with/negotiated with/spoke by phone with Y; X hosted/spoke with Y (Y a person) |
//! | `meets.joint` | X and Y met/discussed/talked/held talks/conferred; headline "X, Y hold talks"; X discussed ... with Y |
//! | `meets.noun` | X held talks/a meeting/a phone call with Y; X's talks with Y; X arrived in P for talks with Y |
//! | `meets.between` | talks/meeting/negotiations/discussions (on ...; held (date)) between X and Y; the agreement/deal reached/signed (date) between X and Y |
//! | `meets.counterpart` | any of the above where Y is "his \[Demonym\] counterpart Y"; X and his counterpart Y agreed |
//! | `supports.verb` | X backs/supports/endorses/aids/assists/helps/arms/funds/sided with/stands by/stands shoulder to shoulder with/in solidarity with Y; passive |
//! | `supports.noun` | X's support/backing for Y; X provided support to Y |
//! | `supports.modifier` | \[Org/Place/Nationality\] support/backing for/to/of Y ("UK support for Iraq") |
//! | `supports.relnoun` | X is an ally/backer/sponsor of Y; X is Y's closest ally; Y's ally X; X, Y's ally, |
//! | `supports.backed-compound` | X-backed/-supported/-sponsored/-funded/-armed Y (Y named) |
//! | `opposes.verb` | X accuses/blames/condemns/criticizes/fights (against)/attacks/shells/bombs/targets/invades/sanctions/defeats/counters/combats/degrades/destroys Y; declared war on Y; passive |
//! | `opposes.noun` | X's war/campaign/fight/battle/strikes/attacks/sanctions on/against Y; X imposed sanctions on Y; X conducted (more than 300) strikes against Y (targets); X flew (strike) missions/sorties against Y; X is committed to carrying out attacks against Y |
//! | `opposes.in-fight` | support for/backs/helps/stands by X (and Y) in its/their/the fight/war/campaign/battle/struggle against Z, or efforts/campaign to defeat Z; backs/helps/stands by X (and Y) to defeat/fight/... Z: X opposes Z |
//! | `opposes.modifier` | \[Org/Nationality\] strikes/airstrikes/raids/shelling/sanctions/attacks/offensive/assault/invasion on/against Y ("U.S. airstrikes against Y", "ISIL attacks on Y"); a place only before strikes, raids, bombing, shelling, sanctions |
//! | `opposes.coalition` | the \[named\] Coalition/Alliance against Y; the \[Org\] alliance against Y; X-led coalition/alliance against Y (both named) |
//! | `opposes.relnoun` | X is an enemy/foe/opponent of Y; Y's enemy X |
//! | `opposes.between` | war/fighting/clashes/conflict between X and Y (both directions) |
//! | `affiliated.title` | \[Org/Country\] TITLE Person ("State Department spokesman John Kirby"); TITLE of Org Person; TITLE Person of Country |
//! | `affiliated.demonym-title` | \[Nationality\] TITLE Person ("Russian Foreign Minister Sergei Lavrov") |
//! | `affiliated.possessive` | Country's Person ("Ukraine's Zelensky"), no role |
//! | `affiliated.apposition` | Person, a TITLE for/of/at Org,; Person, the Org TITLE,; Org's TITLE, Person |
//! | `affiliated.counterpart` | his \[Nationality\] counterpart Person -> that country |
//! | `linked.verb` | X is linked/tied/affiliated/aligned/allied to/with Y; formerly known as; merged with; belongs to; includes; "X, which W views as a group linked to Y"; "X, a group linked to Y" |
//! | `linked.relnoun` | X is part/an affiliate/a branch/a wing/a faction/a member of Y |
//! | `linked.between` | links/ties between X and Y |
//! | `linked.compound` | X-linked/-affiliated/-aligned/-inspired Y |
//! | `located.comma` | in X, Y (after a preposition, or a dateline "GENEVA, Switzerland -"); a chain "in (the) (northern) A, B, C(, in the D)" gives every earlier place in every later one, unless it is a list ("A, B, and C") |
//! | `located.of-noun` | the \[Place/Nationality\] city/town/suburb/province/... of X |
//! | `located.apposition` | X, a town in (northern) Y; X, a Syrian border town; X, Y's second city |
//! | `affiliated.demonym` | X is/was a(n) \[Nationality\] NOUN ("Jane Roe is an American actress"); \[Nationality\] NOUN(s) X ("American rapper and singer X"); role "citizen"; NOUN must name a person (agent endings -er/-or/-ist/-ian/-man/..., or a short list); not "-born", not "Irish-American" |
//! | `affiliated.member` | X is/was a member/founder/employee of Y (Y an organization); X is the leader/head/president/director/chairman/captain/coach/... of Y; X, a member of Y, |
//! | `affiliated.verb` | X joined/plays for/played for/signed for/works for/works at/founded/heads/led/chaired/coached/manages Y (Y an organization); X, who works for Y |
//! | `linked.verb` (added) | X owns/owned/acquired/operates/controls Y; Y is owned/acquired/operated by X (both organizations) |
//! | `linked.relnoun` (added) | X is the parent/owner/unit/arm/division/imprint of Y |
//! | `located.description` | X is/was a(n) \[modifiers\] NOUN in A, B, C (X a place, any NOUN; X an organization, an organization NOUN: company, band, club, school, ...); X is the capital/a town of A; X is/, located/situated/based/headquartered in A; an organization NOUN from A ("a band from Winnipeg, Manitoba"); X in each of A, B, C |
//! | `located.demonym` | X is a(n) \[Nationality\] NOUN, X an organization (organization NOUN) or a place (place NOUN): "Acme is a Norwegian football club" -> Norway |
//! | `located.based` | X is a(n) \[Place\]-based NOUN ("Acme, a Leeds-based company") |
//! | `located.in` | (prep) X in (northern) A, B: a place after a preposition or at the start ("born in Buttenhausen in Münsingen"), or an organization after "the"/"at" ("the Kremlin in Moscow", "at the Conservatory in Naples"), in each place after "in" |
//! | `located.of` | the \[Name ending in Province/Region/County/...\] of \[direction\] Y ("the Kunene Province of southern Angola") |
//! | `affiliated.title-of` | X is/was/served as/reigned as (the) TITLE of Y, or X, the TITLE of Y, (Y an organization, or a place when the title holds an office of it: president, king, governor, mayor, minister, ...; "X (1936 – 2009) was President of Panama") |
//! | `affiliated.title` (added) | X is/was a(n) \[Org\] TITLE ("a Labour MP"), or a(n) \[Place\] TITLE of an office ("a U.S. Representative") |
//! | `affiliated.who` | X is a(n) \[description\] who plays/works (as a POSITION) for Y; X is a(n) \[description\] for/at Y ("a politician for the Labour Party", "a professor at Acme University"), Y an organization |
//! | `affiliated.verb` (added) | X played/plays/signed for Y, Y also a place (a team named after it: "played for England") |
//! | `affiliated.demonym` (added) | also after an aside closed by a comma ("X (born 1959), is an American actor") and with a title noun last ("a Norwegian civil servant and former CEO") |
//! | `located.demonym` (added) | \[Nationality\] \[modifiers\] ORG-NOUN(s) X (and Y) ("the Danish engineering firms X and Y") |
//! | `located.comma` (added) | pairs joined by "and" ("in A, B and C, D"); an organization after at/in with its address ("at Acme Studios, Chanhassen, Minnesota") |
//! | `located.description` (added) | further phrases "in (the) B", ", in the region of C", "within D" after the first place: X in each, and each place in the later ones |
//! | `located.transitive` | X in Y and Y in Z, stated in one sentence: X in Z |
//! | `linked.description` | X is a(n)/the ORG-NOUN of Y; X is a(n) ORG-NOUN owned/operated/run/controlled by Y (both organizations) |
//! | `linked.verb` (added) | X was sold to Y (both organizations) |
//! | `linked.verb` (added) | X's purchase/acquisition/takeover/buyout of Y (both organizations; not "proposed", "planned", negated or hedged) |
//! | `affiliated.title` (added) | \[Org\] member or employee title Person ("Acme bassist X", "Acme columnist X"); such a title before a place gives nothing ("Chicago singer X") |
//! | `affiliated.of` | Person of (the) Org ("Rob Baker of the Tragically Hip"); also people coordinated before ("A and B of X") and past a description ("of the Mexican pop group X") |
//! | `affiliated.demonym` (added) | a title noun that is also a cue heads the description ("an American film director"); "best known" ends it |
//! | `affiliated.party` | Person (X Party): a party's name in brackets after a person's ("Janne Holm (Green Party)") |
//! | `located.description` (added) | "in the (far) (northeastern) part/corner/edge of A" is in A |
//! | `located.comma` (added) | "in A, B," closed by a parallel "Org in" phrase ("at Acme School in Lakefield, Ontario, Beta University in Montreal") |
//! | `located.in` (added) | "X in the Y" ("Mount Tyree in the Sentinel Range"); an organization whose name is a site's (School, College, University, Academy, Institute, Museum, Hospital, Library, Theatre, ...; not "Church") after any word ("graduated from Westminster School in Connecticut") |
//! | `located.comma` (added) | "in A, northern B" (a direction before the larger place; then only punctuation may close the pair: "A, northern B as well as western C" is a list) |
//! | `located.of` (added) | "the A region/district/... of central B": A in B, and the phrase stands for A |
//! | `located.possessive` | Place's Place or Organization ending its phrase: "Chile's Punta Arenas", "Sweden's capital Stockholm", "Panama's National Assembly"; not "Warsaw's Acme steelworks", not a saint's name ("St. Paul's Church") |
//! | `affiliated.demonym` (added) | "X, (1837 – 1916) was a Canadian lawyer" (the comma only when X starts the sentence), two asides "X () (1920 – 2014) was"; "a Norwegian military officer"; a participle before a preposition ends the description ("a photographer specializing in"); before names, nouns listed with commas ("Polish pianist, composer and teacher X") and plural person nouns ("the German envoys A and B") |
//! | `affiliated.of` (added) | also past a description without "the" ("X of Bulgarian rock band Y") |
//! | `located.in` (added) | an organization the sentence puts in a place: its fighters/forces/targets/... in P ("ISIL fighters in Mosul"), fought in P ("strikes against ISIL in Iraq", "to defeat ISIL in Syria", "the defeat of Daesh in Iraq"), "X's presence/campaign/operations in P"; "in A and B" gives both; a place may be "the city of A" or "A province/district/region/..." before "in", and a verb may follow the phrase ("the city of Mosul in Iraq was taken") |
//! | `located.fronted` | a fronted "In/Near/Around/Outside P," holds its clause's organization subject when it names people or things ("In Syria, Coalition forces conducted ..."), the fighters or targets the clause fights, and organizations a strike verb reaches ("Near Mosul, one strike engaged an ISIL unit"); up to ";", ":" or a reporting verb; not negated or hedged |
//! | `opposes.supporter` | who supports a side that `opposes.in-fight` finds fighting opposes its enemy too ("X stands by Y to defeat Z", "X's support for Y in its fight against Z": X opposes Z) |
//! | `opposes.verb` (added) | X killed/assassinated Y; passive |
//! | `opposes.noun` (added) | X used/fired (chemical) weapons/force/rockets/missiles/... against/at/into Y |
//! | (any cue, added) | an object "N members/fighters/officials/soldiers of Y" or "the government and people of Y" stands for Y ("killed 70 members of Y"); "is working to" may stand between subject and cue like a plan ("X is working to defeat Y") |
//! | `located.description` (added) | "X, which/who is based/located in A" and other descriptions after ", which is" |
//! | `located.in` (added) | "A and other towns (and villages) in B", wherever the phrase stands |
//! | `affiliated.verb` (added) | X was assigned/posted/seconded to Y; X represents Y; the passive keeps the type limit on the organization ("Y, led by X,", "Y is currently led by X") |
//! | `affiliated.apposition` (added) | X, TITLE, Org (a bare title between commas: "Jane Roe, chairman, Acme Bank, said") |
//! | `located.in` (added) | a group noun may end the organization's phrase: "the Acme tribe/group/party in P" |
//! | `opposes.in-fight` (added) | "helps X to degrade and (ultimately) destroy Z": the second of two joined infinitives |
//! | (nationality, added) | "against the Syrian people" stands for the country as "Syrian forces" does (after "against the" only: met or backed, "the American people" are the public) |
//! | `located.comma-bare` | "A, B" after no preposition, closed by punctuation ("to isolate Raqqa, Syria, on Monday"); not after "and"/"or"/a name, not before "and"; the pipeline keeps it only when the gazetteers know B as a country and A as none, and it chains nothing |
//! | `*.ref` | any rule above where one end is a reference (a pronoun or "the company"; see References) |
//!
//! A name of type other (a law, an event, a lone unknown word) ends no relation and is read
//! as words, so it does not cut a title in two ("Australia's Minister for Trade"). The
//! gazetteers turn a `located_in` edge round only when its smaller end is a country, continent
//! or sea, or in "the A district of B", whose word order says nothing ("the Damascus district
//! of Jobar", "the Pudu district of Kuala Lumpur"); elsewhere the sentence's order stands
//! ("Belmopan is located in Cayo District"). A country "in" a smaller place is a misread
//! "in" ("the Embassy of the United States in Cairo") and gives nothing, and a comma chain
//! that would put a country in another country is a list, whose `located_in` edges are
//! all dropped.
//!
//! A place fronted without its comma ("In Geneva Kerry met Lavrov", "In Turkey Minister
//! Ellwood met ...") is where, not whose: it starts no title and does not hide the subject.
//! "ISIL targets/positions/strongholds" after a preposition stand for the organization
//! ("strikes against ISIL targets"); after a subject "targets" stays a verb.
//!
//! Types: `meets`, `supports`, `opposes` link people, organizations and places (a
//! nationality word only as "Russian forces/government/officials"); `affiliated_with` a
//! person to an organization or place; `linked_to` two organizations; `located_in` a place
//! or an organization in a place (the larger may be a nationality word, which stands for
//! its country).
//!
//! # References
//!
//! [`DocContext`] resolves, once per document, a personal pronoun ("he", "she", "his",
//! "her") or a definite description ("the company", "the veteran diplomat": "the",
//! modifiers, a title noun of `data/role_heads.txt` or an organization noun) to the one
//! named entity of that type in the nearest earlier sentence that names any (at most two
//! back), when the sentence names none of that type before it. A pronoun left unresolved
//! counts as someone unknown, so a later "she" does not skip over it; "the company" needs
//! the word "company" (and "the diplomat" the word "diplomat") in the sentence of its
//! antecedent. The pipeline adds the references
//! to the sentence's mentions ([`SentenceMention::reference`]); an edge through one gets
//! the rule id of its rule with `.ref` appended and keeps its own sentence as evidence. A
//! nationality word inside a description ("the Russian diplomat") becomes part of the
//! reference.
//!
//! # Negation, hedging and plans
//!
//! - Plans and the future count: "will meet", "are expected to talk", "agreed to meet",
//!   "Kerry, Lavrov to meet" state a scheduled meeting and give `meets` (news reports
//!   scheduled meetings in the future tense).
//! - Explicit negation gives nothing: a negator ("not", "n't", "never", "no", "without",
//!   "denied", "refused", "declined", "failed", "cancelled", ...) between the start of the
//!   clause and the cue drops the relation ("did not meet", "refused to meet", "denied
//!   backing", "no talks between", "..., the ministry said it did not believe it was
//!   worthwhile for Kerry to meet ..."). The clause starts after a comma, `;`, `:`, a dash,
//!   a bracket or a quotation mark, or at "but", "while", "although", "however".
//! - Hedges, wishes and conditions give nothing: "if", "unless", "whether", "may", "might",
//!   "could", "should", "likely", "hope", "want", "urge", "call for", "propose", "offer" in
//!   the same window ("could meet", "urged Kerry to meet"), and a fronted "If ..., " or
//!   "Unless ..., " phrase before the subject ("If they agree, Kerry will meet Lavrov").
//! - A relative clause is judged on its own words: in "fighters of Nusra, which Washington
//!   views as a group linked to al-Qaeda, could ..." the hedge of the main clause does not
//!   touch the link.
//! - Questions give nothing: a sentence ending in "?" states no meeting, support, attack or
//!   link.
//! - Words outside the closed classes between subject and cue also give nothing ("Kerry
//!   wants to meet", "Kerry tried to meet"): only what is stated is kept.
//! - A possessive noun phrase presupposes its relation: "They may join the SDF's fight
//!   against ISIL" gives it, wherever the phrase stands; only a negator inside the
//!   phrase drops it ("ISIL's failed attack on ...").
//! - Relations stated inside a noun phrase do not depend on the clause: titles
//!   ("Russian Foreign Minister Sergei Lavrov"), appositions, "X-backed Y", "X-linked Y",
//!   "Geneva, Switzerland" and "the Syrian city of Aleppo" are kept even in a negated or
//!   hedged clause or a question, because the phrase presupposes them.
//!
//! # Roles
//!
//! The role of `affiliated_with` is the title as written between the organization or
//! country and the person, trimmed: "U.S. Secretary of State John Kerry" gives
//! "Secretary of State"; "the UN special envoy for Syria Staffan de Mistura" gives
//! "special envoy for Syria": a "for"/"to" phrase is part of the title as written, and the
//! place after "for"/"to" is never the affiliation ("Kenyan Ambassador to the United
//! States" is affiliated with Kenya). "Secretary-General of the United Nations Antonio
//! Guterres" gives the United Nations with "Secretary-General". Honorifics and rank
//! abbreviations at the end ("commander Gen.") are dropped. For "X and his Turkish
//! counterpart Y", Y is affiliated with Turkey and gets the role X has in the same sentence
//! ("Russian President Vladimir Putin and his Turkish counterpart ..." gives "President"),
//! or no role when X has none; a counterpart holds the equivalent office, whose name may
//! differ by country ("Secretary of State" and "Foreign Minister"). "Ukraine's Zelensky"
//! gives no role.

// The stage in the order data flows; each module uses only the ones above it in this list
// (`found` and `lexicon` are used by all): `tokens` splits the sentence around the
// mentions, `units` builds noun phrases, `clauses` reads the sentence (boundaries,
// negation, subjects, objects), `cues`, `located` and `descriptions` hold the rules, and
// `references` resolves pronouns and descriptions over a document before any of this.
mod clauses;
mod cues;
mod descriptions;
mod found;
mod lexicon;
mod located;
mod references;
mod tokens;
mod units;

pub use found::{rules, FoundRelation, SentenceMention};
pub use references::DocContext;

use crate::model::EntityType;
use clauses::Sentence;
use found::Collector;
use lexicon::Lexicon;

/// Finds the typed relations `sentence` states between `mentions` (sorted by span).
pub fn extract(sentence: &str, mentions: &[SentenceMention]) -> Vec<FoundRelation> {
    if mentions.len() < 2 {
        return Vec::new();
    }
    // A name of type other (a law, an event, a lone unknown word) is no end of any relation;
    // read as words, it no longer cuts a title in two ("Minister for Trade").
    if mentions.iter().any(|m| m.entity_type == EntityType::Other) {
        let kept: Vec<usize> = (0..mentions.len())
            .filter(|&i| mentions[i].entity_type != EntityType::Other)
            .collect();
        let typed: Vec<SentenceMention> = kept.iter().map(|&i| mentions[i].clone()).collect();
        let mut found = extract_typed(sentence, &typed);
        for r in &mut found {
            r.source = kept[r.source];
            r.target = kept[r.target];
        }
        return found;
    }
    extract_typed(sentence, mentions)
}

/// [`extract`] over mentions none of which has type other.
fn extract_typed(sentence: &str, mentions: &[SentenceMention]) -> Vec<FoundRelation> {
    // A relation joins two entities: one entity named twice has none.
    if mentions.len() < 2 || mentions.iter().all(|m| m.entity == mentions[0].entity) {
        return Vec::new();
    }
    let lex = Lexicon::get();
    let ascii_lower = sentence.to_ascii_lowercase();
    let toks = tokens::tokenize(sentence, &ascii_lower, mentions);
    let chunks = units::chunk(sentence, &toks, mentions, lex);
    let mut out = Collector {
        mentions,
        found: Vec::new(),
    };
    for r in chunks.found {
        out.push(r.kind, r.source, r.target, r.role, r.rule);
    }
    let s = Sentence::new(sentence, &toks, mentions, &chunks.units, &chunks.owner, lex);
    // A place relation ends at a place: without one, no place rule can add anything.
    if mentions
        .iter()
        .any(|m| m.entity_type == EntityType::Location)
    {
        located::find(&s, &mut out);
    }
    if !is_question(sentence) {
        cues::find(&s, &mut out);
        out.close_supported();
    }
    // Skipped where the collector would drop all it can find, so the skip changes no output
    // on any input: `descriptions` only reads the sentence and pushes `affiliated_with`,
    // `linked_to` and `located_in` relations, and `Collector::push` keeps those only when
    // they end at an organization or a place (`found::well_typed`). A sentence that names
    // only people gets nothing from it.
    if mentions.iter().any(|m| {
        matches!(
            m.entity_type,
            EntityType::Organization | EntityType::Location
        )
    }) {
        descriptions::find(&s, &mut out);
    }
    out.close_located();
    out.found
}

/// Whether the sentence ends in "?", past closing quotes, brackets and whitespace.
fn is_question(sentence: &str) -> bool {
    for c in sentence.chars().rev() {
        match c {
            '?' => return true,
            '"' | '\'' | '”' | '’' | ')' | ']' => {}
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
pub(crate) mod tests;
