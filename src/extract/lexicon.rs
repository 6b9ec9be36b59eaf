//! General-knowledge lexicons: INN/USAN stems, pharma and biotech companies with name variants and parents, molecular targets, ADC payloads, and names that are not organizations or compounds.
//!
//! Sources: the WHO INN "stem book" (stems for nonproprietary names), the
//! USAN Council's stem list, public company names of the pharmaceutical and
//! biotechnology industries with their well-known subsidiaries, HGNC gene
//! symbols and the CD (cluster of differentiation) nomenclature for targets.
//! None of these lists names a sample filing's compound; they are what any
//! reader of biotech news knows.

use crate::model::name_key;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// INN / USAN stems that end a nonproprietary drug name (WHO stem book).
///
/// Matched at the end of a lowercase word of at least seven letters.
pub const INN_STEMS: &[&str] = &[
    // biologics
    "mab",
    "cept",
    "kinra",
    "dekin",
    "ermin",
    "grastim",
    "poetin",
    "plase",
    "cel",
    "leucel",
    "gene",
    "vec",
    "repvec",
    "parvovec",
    "siran",
    "rsen",
    "tide",
    "glutide",
    // small molecules
    "tinib",
    "ciclib",
    "parib",
    "rafenib",
    "lisib",
    "degib",
    "zomib",
    "sertib",
    "metinib",
    "stat",
    "vastatin",
    "sartan",
    "pril",
    "olol",
    "prazole",
    "tidine",
    "setron",
    "triptan",
    "conazole",
    "floxacin",
    "cillin",
    "cycline",
    "mycin",
    "micin",
    "vir",
    "previr",
    "buvir",
    "navir",
    "platin",
    "taxel",
    "rubicin",
    "tecan",
    "xaban",
    "gatran",
    "gliptin",
    "gliflozin",
    "dronate",
    "lukast",
    "semide",
    "azepam",
    "caine",
    "dipine",
    "fibrate",
    "lidomide",
    "tansine",
    "dotin",
    "vedotin",
    "mustine",
    "trexed",
    "citabine",
    "fenib",
    "tegrast",
    "orexant",
    "sentan",
    "gepant",
    "parin",
    "rotinib",
    "lutamide",
    "relix",
    "tecan",
    "filcel",
    "zumab",
    "ximab",
    "umab",
    "tuzumab",
    "mostat",
    "dustat",
    "rinone",
    "plon",
    "pidem",
    "zolast",
    "ampanel",
    "perone",
    "oxetine",
    "pramine",
    "tyline",
    "vaptan",
    "zepam",
    "sidenib",
    "denib",
    "fungin",
    // newer WHO stems and families
    "tug",
    "bart",
    "mig",
    "fusp",
    "clax",
    "afil",
    "olimus",
    "relin",
    "leukin",
];

/// Second words of conjugate INNs (`trastuzumab emtansine`, `enfortumab vedotin`).
pub const CONJUGATE_SECOND_WORDS: &[&str] = &[
    "emtansine",
    "mertansine",
    "ravtansine",
    "soravtansine",
    "vedotin",
    "mafodotin",
    "deruxtecan",
    "govitecan",
    "tesirine",
    "ozogamicin",
    "pegol",
    "pasudotox",
    "tirumotecan",
    "duocarmazine",
    "alfa",
    "beta",
    "laherparepvec",
    "autoleucel",
    "ciloleucel",
    "maraleucel",
    "vicleucel",
];

/// [`CONJUGATE_SECOND_WORDS`] as a set: looked up for the word after
/// nearly every long word of a filing, where a scan compared it with each
/// entry.
static CONJUGATE_SECOND_WORD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| CONJUGATE_SECOND_WORDS.iter().copied().collect());

/// Shortest and longest [`CONJUGATE_SECOND_WORDS`] entry, in bytes.
const SECOND_WORD_LENS: (usize, usize) = {
    let (mut lo, mut hi, mut rest) = (usize::MAX, 0, CONJUGATE_SECOND_WORDS);
    while let [w, tail @ ..] = rest {
        if w.len() < lo {
            lo = w.len();
        }
        if w.len() > hi {
            hi = w.len();
        }
        rest = tail;
    }
    (lo, hi)
};

/// Whether `word` is a [`CONJUGATE_SECOND_WORDS`] entry (case-sensitive).
pub fn is_conjugate_second_word(word: &str) -> bool {
    // Asked of the word after nearly every long word of a filing, which is
    // mostly a short one ("and", "of"): the length test spares the hash.
    (SECOND_WORD_LENS.0..=SECOND_WORD_LENS.1).contains(&word.len())
        && CONJUGATE_SECOND_WORD_SET.contains(word)
}

/// Whether `word`, ASCII-lowercased, is a [`CONJUGATE_SECOND_WORDS`]
/// entry. Lowercased on the stack when it fits (every entry does), else
/// the allocating way.
pub fn is_conjugate_second_word_ignoring_ascii_case(word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(dst) => {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            std::str::from_utf8(dst).is_ok_and(is_conjugate_second_word)
        }
        None => is_conjugate_second_word(&word.to_ascii_lowercase()),
    }
}

/// Common English (and filing) words that happen to end in a drug stem.
pub const NOT_INN: &[&str] = &[
    // Drug classes named after a stem.
    "anthracycline",
    "tetracyclines",
    "peptide",
    "peptides",
    "polypeptide",
    "nucleotide",
    "nucleotides",
    "oligonucleotide",
    "oligonucleotides",
    "gene",
    "genes",
    "oncogene",
    "oncogenes",
    "transgene",
    "concept",
    "concepts",
    "except",
    "accept",
    "intercept",
    "percept",
    "precept",
    "thermostat",
    "rheostat",
    "homeostat",
    "database",
    "release",
    "increase",
    "decrease",
    "purchase",
    "disease",
    "diseases",
    "phase",
    "phases",
    "showcase",
    "lease",
    "please",
    "crease",
    "erase",
    "chase",
    "cease",
    "base",
    "case",
    "ease",
    "vase",
    "kinase",
    "kinases",
    "protease",
    "proteases",
    "polymerase",
    "transferase",
    "synthase",
    "reductase",
    "telomerase",
    "caspase",
    "lipase",
    "nuclease",
    "helicase",
    "ligase",
    "oxidase",
    "dehydrogenase",
    "phosphatase",
    "hydrolase",
    "isomerase",
    "recombinase",
    "tyrosine",
    "mycin",
    "vaccine",
    "vaccines",
    "medicine",
    "medicines",
    "machine",
    "machines",
    "routine",
    "combine",
    "determine",
    "examine",
    "engine",
    "engines",
    "online",
    "pipeline",
    "pipelines",
    "guideline",
    "guidelines",
    "baseline",
    "deadline",
    "headline",
    "discipline",
    "doctrine",
    "spine",
    "shrine",
    "feline",
    "canine",
    "bovine",
    "porcine",
    "murine",
    "equine",
    "alkaline",
    "saline",
    "marine",
    "genuine",
    "famine",
    "decline",
    "incline",
    "outline",
    "underline",
    "airline",
    "hotline",
    "timeline",
    "timelines",
    "sideline",
    "frontline",
    "borderline",
    "midline",
    "beeline",
    "coastline",
    "feline",
    "endocrine",
    "exocrine",
    "paracrine",
    "autocrine",
    "intravenous",
    "nib",
    "cel",
    "excel",
    "parcel",
    "cancel",
    "carousel",
    "hotel",
    "model",
    "label",
    "level",
    "novel",
    "panel",
    "travel",
    "vessel",
    "barrel",
    "channel",
    "personnel",
    "tunnel",
    "counsel",
    "fuel",
    "duel",
    "compel",
    "expel",
    "propel",
    "repel",
    "dispel",
    "morsel",
    "tassel",
    "chapel",
    "satisfy",
    "mustine",
    "dustat",
    "previr",
    "advise",
    "plon",
    "stat",
    "ecstatic",
    "stipulate",
    "lint",
    "flint",
    "splint",
    "glint",
    "olive",
    "intestine",
    "clandestine",
    "pristine",
    "predestine",
    "bulin",
    "tubulin",
    "globulin",
    "immunoglobulin",
    "insulin",
    "ovalbumin",
    "relix",
    "imod",
    "imperil",
    "april",
    "until",
    "fibrate",
    "vibrate",
    "celebrate",
    "calibrate",
    "gene",
    "antigene",
    "eugene",
    "hygiene",
    "protide",
    "tide",
    "riptide",
    "yuletide",
    "override",
    "aside",
    "peptide",
    "frontside",
    "pine",
    "opine",
    "supine",
    "alpine",
    "outshine",
    "sunshine",
    "combine",
    "asone",
    "olone",
    "caine",
    "cocaine",
    "novocaine",
    "barb",
    "rhubarb",
    "cycline",
    "tidine",
    "dipine",
];

/// ADC payloads and linkers: bare payload agents are not compounds
/// (`GUIDELINES.md`), but `<antibody>-<payload>` is a conjugate's name.
pub const ADC_PAYLOADS: &[&str] = &[
    "DM1",
    "DM4",
    "MMAE",
    "MMAF",
    "DXd",
    "SN-38",
    "PBD",
    "DGN462",
    "DGN549",
    "calicheamicin",
];

/// A company in the lexicon: canonical display name, name variants, parent.
#[derive(Debug, Clone, Copy)]
pub struct Company {
    /// Display name, legal suffix removed.
    pub name: &'static str,
    /// Other names it goes by (subsidiary brands are separate entries).
    pub variants: &'static [&'static str],
    /// Parent company display name.
    pub parent: Option<&'static str>,
}

const fn co(name: &'static str, variants: &'static [&'static str]) -> Company {
    Company {
        name,
        variants,
        parent: None,
    }
}

const fn sub(
    name: &'static str,
    variants: &'static [&'static str],
    parent: &'static str,
) -> Company {
    Company {
        name,
        variants,
        parent: Some(parent),
    }
}

/// Pharmaceutical and biotechnology companies every industry reader knows,
/// with their usual name variants and parent companies.
pub const COMPANIES: &[Company] = &[
    co(
        "Roche",
        &[
            "Roche Group",
            "Hoffmann-La Roche",
            "F. Hoffmann-La Roche",
            "Roche Holding",
        ],
    ),
    sub("Genentech", &[], "Roche"),
    sub("Chugai", &["Chugai Pharmaceutical"], "Roche"),
    co(
        "Sanofi",
        &[
            "sanofi-aventis",
            "Sanofi-Aventis",
            "Sanofi Aventis",
            "Sanofi S.A.",
        ],
    ),
    sub("Genzyme", &["Sanofi Genzyme"], "Sanofi"),
    co(
        "Novartis",
        &["Novartis AG", "Novartis Pharma", "Novartis Pharmaceuticals"],
    ),
    sub("Sandoz", &[], "Novartis"),
    co("Amgen", &[]),
    co(
        "Bayer",
        &[
            "Bayer HealthCare",
            "Bayer HealthCare Pharmaceuticals",
            "Bayer AG",
            "Bayer Pharma",
            "Bayer Schering Pharma",
        ],
    ),
    co("Pfizer", &[]),
    sub("Wyeth", &[], "Pfizer"),
    co("Merck", &["Merck & Co.", "Merck Sharp & Dohme", "MSD"]),
    co("Merck KGaA", &["EMD Serono"]),
    co("AstraZeneca", &["Astra Zeneca"]),
    sub("MedImmune", &[], "AstraZeneca"),
    sub("Alexion", &["Alexion Pharmaceuticals"], "AstraZeneca"),
    co("GSK", &["GlaxoSmithKline", "Glaxo SmithKline"]),
    co("Bristol-Myers Squibb", &["Bristol Myers Squibb", "BMS"]),
    sub("Celgene", &[], "Bristol-Myers Squibb"),
    co("Eli Lilly", &["Lilly", "Eli Lilly and Company"]),
    co("AbbVie", &[]),
    co("Abbott", &["Abbott Laboratories"]),
    co("Johnson & Johnson", &["J&J"]),
    sub(
        "Janssen",
        &[
            "Janssen Biotech",
            "Janssen Pharmaceuticals",
            "Janssen Research & Development",
        ],
        "Johnson & Johnson",
    ),
    co("Takeda", &["Takeda Pharmaceutical"]),
    sub("Millennium Pharmaceuticals", &[], "Takeda"),
    sub("Shire", &[], "Takeda"),
    co("Astellas", &["Astellas Pharma"]),
    co("Daiichi Sankyo", &["Daiichi-Sankyo"]),
    co("Eisai", &[]),
    co("Otsuka", &["Otsuka Pharmaceutical"]),
    co("Ono Pharmaceutical", &[]),
    co("Kyowa Kirin", &["Kyowa Hakko Kirin"]),
    co("Sumitomo Pharma", &["Sumitomo Dainippon Pharma"]),
    co("Mitsubishi Tanabe", &["Mitsubishi Tanabe Pharma"]),
    co("Shionogi", &[]),
    co("Boehringer Ingelheim", &["Boehringer"]),
    co("Novo Nordisk", &[]),
    co("Gilead", &["Gilead Sciences"]),
    sub("Kite Pharma", &[], "Gilead"),
    co("Biogen", &["Biogen Idec"]),
    co("Regeneron", &["Regeneron Pharmaceuticals"]),
    co("Vertex Pharmaceuticals", &[]),
    co("Seagen", &["Seattle Genetics"]),
    co("Genmab", &[]),
    co("BeiGene", &[]),
    co("Jazz Pharmaceuticals", &[]),
    co("Servier", &[]),
    co("Ipsen", &[]),
    co("UCB", &[]),
    co("Lundbeck", &[]),
    co("Teva", &["Teva Pharmaceutical"]),
    co("Viatris", &["Mylan"]),
    co("Allergan", &[]),
    co("Incyte", &[]),
    co("BioMarin", &[]),
    co("Moderna", &[]),
    co("BioNTech", &[]),
    co("CSL", &["CSL Behring"]),
    co("Grifols", &[]),
    co("Baxter", &["Baxter International"]),
    co("Hansoh", &["Hansoh Pharma"]),
    co("Hengrui", &["Jiangsu Hengrui"]),
    co("Zai Lab", &[]),
    co("Celltrion", &[]),
    co("Samsung Bioepis", &[]),
    co("Lonza", &[]),
    co("Catalent", &[]),
    co("WuXi", &["WuXi AppTec", "WuXi Biologics"]),
    co("Fosun", &["Fosun Pharma"]),
    co("Innovent", &["Innovent Biologics"]),
    co("Menarini", &[]),
    co("Almirall", &[]),
    co("Chiesi", &[]),
    co("Pierre Fabre", &[]),
    co("Ferring", &[]),
    co("LEO Pharma", &[]),
    co("Exelixis", &[]),
    co("Alnylam", &["Alnylam Pharmaceuticals"]),
    co("Ionis", &["Ionis Pharmaceuticals", "Isis Pharmaceuticals"]),
    co("Sarepta", &["Sarepta Therapeutics"]),
    co("Neurocrine", &["Neurocrine Biosciences"]),
    co("Alkermes", &[]),
    co("MorphoSys", &[]),
    co("Halozyme", &[]),
    co("Xencor", &[]),
    co("MacroGenics", &[]),
    co("Mersana", &["Mersana Therapeutics"]),
    co("Sutro", &["Sutro Biopharma"]),
    co("Zymeworks", &[]),
    co("Immunocore", &[]),
    co("Nektar", &["Nektar Therapeutics"]),
    co("Medarex", &[]),
    co("Elan Corporation", &[]),
    co("Organon", &[]),
    co("Dr. Reddy's", &["Dr. Reddy's Laboratories"]),
    co("Sun Pharma", &["Sun Pharmaceutical"]),
    co("Lupin", &[]),
    co("Cipla", &[]),
    co("Aurobindo", &[]),
    co("Hikma", &[]),
    co("Perrigo", &[]),
    co("Horizon Therapeutics", &[]),
    co("Mallinckrodt", &[]),
    co("Endo International", &[]),
    co("Emergent BioSolutions", &[]),
    co("Novavax", &[]),
    co("CureVac", &[]),
    co("Bavarian Nordic", &[]),
    co("Valneva", &[]),
    co("Ablynx", &[]),
    co("argenx", &[]),
    co("Galapagos", &[]),
    co("Evotec", &[]),
    co("Bachem", &[]),
    co("Recordati", &[]),
    co("Orion Corporation", &[]),
    co("Stada", &[]),
    co("Gedeon Richter", &[]),
    co("Hanmi", &["Hanmi Pharmaceutical"]),
    co("Yuhan", &[]),
    co("Daewoong", &[]),
    co("Simcere", &[]),
    co("CStone", &["CStone Pharmaceuticals"]),
    co("Junshi", &["Junshi Biosciences"]),
    co("Sino Biopharm", &[]),
    co("Kelun", &["Kelun-Biotech"]),
    co("RemeGen", &[]),
    co("Akeso", &[]),
    co("Duality Biologics", &["DualityBio"]),
];

/// Names that look like organizations but are not partners: regulators,
/// exchanges, conferences, newswires, registries and generic words.
pub const NOT_ORGANIZATIONS: &[&str] = &[
    "FDA",
    "U.S. Food and Drug Administration",
    "Food and Drug Administration",
    "EMA",
    "European Medicines Agency",
    "CHMP",
    "PMDA",
    "NMPA",
    "MHRA",
    "Health Canada",
    "SEC",
    "Securities and Exchange Commission",
    "Nasdaq",
    "NASDAQ",
    "NYSE",
    "NYSE American",
    "TSX",
    "ASX",
    "OTC",
    "Nasdaq Stock Market",
    "Nasdaq Global Market",
    "Nasdaq Capital Market",
    "New York Stock Exchange",
    "OTCQB",
    "OTCQX",
    "ASH",
    "ASCO",
    "AACR",
    "ESMO",
    "SABCS",
    "EHA",
    "SITC",
    "ADA",
    "EASD",
    "AAN",
    "ERS",
    "ATS",
    "ACR",
    "EULAR",
    "WCLC",
    "ESH",
    "PR Newswire",
    "PRNewswire",
    "Business Wire",
    "GlobeNewswire",
    "Globe Newswire",
    "Accesswire",
    "ACCESSWIRE",
    "Newsfile",
    "ClinicalTrials.gov",
    "Company",
    "The Company",
    "Exchange Act",
    "Securities Act",
    "Private Securities Litigation Reform Act",
    "Form",
    "Annual Report",
    "Quarterly Report",
    "Current Report",
    "Investor Relations",
    "Corporate Communications",
    "Safe Harbor",
    "European Union",
    "United States",
    "Twitter",
    "LinkedIn",
    "Facebook",
    "Instagram",
    "YouTube",
    "Reddit",
    "Google",
    "Newsramp",
    "Orphan Drug",
    "Fast Track",
    "Breakthrough Therapy",
];

/// A molecular target: canonical name and aliases (gene symbol, spelled-out name).
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// Canonical name as analysts write it (`"HER2"`, `"FOLR1"`).
    pub name: &'static str,
    /// Other names (`"ERBB2"`, `"folate receptor alpha"`, `"FRα"`).
    pub aliases: &'static [&'static str],
}

const fn tg(name: &'static str, aliases: &'static [&'static str]) -> Target {
    Target { name, aliases }
}

/// Targets with well-known aliases (HGNC symbols, common spellings).
/// CD antigens (`CD19`, `CD138`) and interleukins are matched by pattern instead.
pub const TARGETS: &[Target] = &[
    tg("HER2", &["ERBB2", "HER-2", "HER2/neu", "neu"]),
    tg("HER3", &["ERBB3", "HER-3"]),
    tg(
        "EGFR",
        &["ERBB1", "HER1", "epidermal growth factor receptor"],
    ),
    tg(
        "FOLR1",
        &[
            "FRα",
            "FRa",
            "FR-alpha",
            "FR alpha",
            "folate receptor α",
            "folate receptor alpha",
            "folate receptor a",
            "folate receptor-α",
            "folate receptor 1",
        ],
    ),
    tg(
        "PD-1",
        &[
            "PD1",
            "PDCD1",
            "programmed death-1",
            "programmed cell death protein 1",
        ],
    ),
    tg("PD-L1", &["PDL1", "CD274", "programmed death-ligand 1"]),
    tg("CTLA-4", &["CTLA4", "CD152"]),
    tg("BCMA", &["TNFRSF17", "B-cell maturation antigen"]),
    tg("TROP2", &["TROP-2", "TACSTD2", "Trop-2"]),
    tg("c-Met", &["MET", "cMet", "c-MET", "HGFR"]),
    tg("mesothelin", &["MSLN"]),
    tg("CEACAM5", &["CEA", "CD66e"]),
    tg("CEACAM6", &["CD66c"]),
    tg("Bcl-2", &["BCL2", "BCL-2"]),
    tg("KRAS", &["K-Ras", "KRAS G12C", "KRAS G12D"]),
    tg("BRAF", &["B-Raf", "BRAF V600E"]),
    tg("ALK", &["anaplastic lymphoma kinase"]),
    tg("ROS1", &[]),
    tg(
        "BTK",
        &["Bruton's tyrosine kinase", "Bruton tyrosine kinase"],
    ),
    tg("JAK1", &[]),
    tg("JAK2", &[]),
    tg(
        "PI3K",
        &["PI3Kδ", "PI3K-delta", "phosphoinositide 3-kinase"],
    ),
    tg("mTOR", &[]),
    tg("VEGF", &["VEGF-A", "vascular endothelial growth factor"]),
    tg("VEGFR2", &["KDR", "VEGFR-2"]),
    tg("PARP", &["PARP1", "poly ADP-ribose polymerase"]),
    tg("CDK4/6", &["CDK4", "CDK6"]),
    tg("TNF", &["TNF-α", "TNF-alpha", "tumor necrosis factor"]),
    tg("GLP-1R", &["GLP-1 receptor", "GLP1R", "GLP-1"]),
    tg("GIPR", &["GIP receptor"]),
    tg("FGFR", &["FGFR1", "FGFR2", "FGFR3"]),
    tg("IDH1", &[]),
    tg("IDH2", &[]),
    tg("FLT3", &[]),
    tg("KIT", &["c-Kit", "c-KIT"]),
    tg("PDGFR", &["PDGFRA", "PDGFRα"]),
    tg("HDAC", &["histone deacetylase"]),
    tg("EZH2", &[]),
    tg("MEK", &["MEK1", "MEK2"]),
    tg("Claudin 18.2", &["CLDN18.2", "claudin-18.2", "Claudin18.2"]),
    tg("Nectin-4", &["NECTIN4", "PVRL4"]),
    tg("tissue factor", &["TF", "F3"]),
    tg("GPRC5D", &[]),
    tg("FcRn", &[]),
    tg("B7-H3", &["CD276", "B7H3"]),
    tg("B7-H4", &["VTCN1"]),
    tg("DLL3", &[]),
    tg("PSMA", &["FOLH1"]),
    tg("TIGIT", &[]),
    tg("LAG-3", &["LAG3"]),
    tg("TIM-3", &["TIM3", "HAVCR2"]),
    tg("SIRPα", &["SIRPa", "SIRP-alpha"]),
    tg("4-1BB", &["CD137"]),
    tg("OX40", &["CD134"]),
    tg("STING", &[]),
    tg("CGRP", &[]),
    tg("PCSK9", &[]),
    tg("TTR", &["transthyretin"]),
    tg("SGLT2", &[]),
    tg("DPP-4", &["DPP4"]),
    tg("CanAg", &["CA242"]),
    tg("integrin", &["integrins"]),
    tg(
        "NMT",
        &[
            "N-myristoyltransferase",
            "N-myristoyltransferases",
            "NMT1",
            "NMT2",
        ],
    ),
    tg("ROR1", &[]),
    tg("CCR4", &[]),
    tg("CXCR4", &[]),
    tg("ERα", &["ESR1", "estrogen receptor"]),
    tg("AR", &["androgen receptor"]),
    tg("GD2", &[]),
    tg("MUC1", &["MUC-1"]),
    tg("MUC16", &["CA125", "CA-125"]),
    tg("EpCAM", &["TACSTD1"]),
    tg("AXL", &[]),
    tg("RET", &[]),
    tg("NTRK", &["TRK"]),
    tg("MCL-1", &["MCL1"]),
    tg("MDM2", &[]),
    tg("SHP2", &["PTPN11"]),
    tg("SOS1", &[]),
    tg("MAT2A", &[]),
    tg("PRMT5", &[]),
    tg("WEE1", &[]),
    tg("ATR", &[]),
    tg("CDK7", &[]),
    tg("CDK9", &[]),
    tg("BET", &["BRD4"]),
    tg("LSD1", &["KDM1A"]),
    tg("menin", &[]),
    tg("IRAK4", &[]),
    tg("TYK2", &[]),
    tg("S1P1", &["S1PR1"]),
    tg("NMDA receptor", &["NMDAR"]),
    tg("5-HT2A", &["serotonin 2A receptor"]),
    tg("GABA-A", &["GABAA"]),
    tg("sigma-1 receptor", &["SIGMAR1", "sigma-1"]),
    tg("mu-opioid receptor", &["MOR", "μ-opioid receptor"]),
    tg("dopamine D2", &["DRD2", "D2 receptor"]),
    tg("AMPA receptor", &[]),
    tg("TLR7", &[]),
    tg("TLR9", &[]),
    tg("complement C5", &["C5"]),
    tg("IgE", &[]),
    tg("TSLP", &[]),
    tg("ANGPTL3", &[]),
    tg("APOC3", &["ApoC-III"]),
    tg("Lp(a)", &["lipoprotein(a)"]),
    tg("amyloid beta", &["amyloid-β", "Aβ", "amyloid-beta"]),
    tg("tau", &[]),
    tg("alpha-synuclein", &["α-synuclein"]),
    tg("SOD1", &[]),
    tg("HTT", &["huntingtin"]),
    tg("DMD", &["dystrophin"]),
    tg("HBV", &[]),
    tg("RSV F", &[]),
];

/// Lexicon lookups built once.
///
/// The maps use Fx hashing (`rustc-hash`): their keys are short names
/// from the static lists and the text, looked up for nearly every
/// candidate name, where std's DoS-resistant SipHash costs several times
/// more per look-up and buys nothing (nothing iterates them, so the order
/// never reaches an output).
pub struct Lexicon {
    /// `name_key` of a company name or variant → index into [`COMPANIES`].
    pub company_by_key: FxHashMap<String, usize>,
    /// `name_key` of a target name or alias → index into [`TARGETS`].
    pub target_by_key: FxHashMap<String, usize>,
    /// `name_key`s of non-organizations.
    pub not_org: FxHashSet<String>,
}

/// The lexicon, built on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut company_by_key = FxHashMap::default();
    for (i, c) in COMPANIES.iter().enumerate() {
        company_by_key.entry(name_key(c.name)).or_insert(i);
        for v in c.variants {
            company_by_key.entry(name_key(v)).or_insert(i);
        }
    }
    let mut target_by_key = FxHashMap::default();
    for (i, t) in TARGETS.iter().enumerate() {
        target_by_key.entry(name_key(t.name)).or_insert(i);
        for a in t.aliases {
            target_by_key.entry(name_key(a)).or_insert(i);
        }
    }
    let not_org = NOT_ORGANIZATIONS.iter().map(|s| name_key(s)).collect();
    Lexicon {
        company_by_key,
        target_by_key,
        not_org,
    }
});

/// True when `word` (one lowercase-initial word) ends in an INN stem and is
/// not an ordinary English word.
pub fn is_inn_word(word: &str) -> bool {
    let w = word.as_bytes();
    // Cheap rejections first: most words are short or end in no stem letter.
    if w.len() < 7 || !w.iter().all(|&b| b.is_ascii_alphabetic() || b == b'-') {
        return false;
    }
    // No lowercase copy: this runs on nearly every long word of a filing,
    // so the trie folds ASCII case as it walks and the exception list is
    // compared with the word's lowercase byte by byte (the same order as
    // comparing the lowercased strings).
    match STEM_TRIE.lookup(w) {
        TrieHit::Word => true,
        TrieHit::Stem => NOT_INN_SET
            .binary_search_by(|e| e.bytes().cmp(w.iter().map(u8::to_ascii_lowercase)))
            .is_err(),
        TrieHit::None => false,
    }
}

/// What [`StemTrie::lookup`] found at the end of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TrieHit {
    /// The whole word is a [`CONJUGATE_SECOND_WORDS`] entry.
    Word,
    /// The word ends in an [`INN_STEMS`] entry with enough letters before it.
    Stem,
    /// Neither.
    None,
}

/// Letters a word must have before a stem of `len` letters: three before a
/// short stem, two before one of six letters or more.
fn min_prefix(len: usize) -> usize {
    if len >= 6 { 2 } else { 3 }
}

/// [`INN_STEMS`] and [`CONJUGATE_SECOND_WORDS`] reversed into one trie over
/// `a`–`z`, walked from a word's last letter: one step per letter (at most
/// the longest entry), instead of a search per stem length and a scan of the
/// second words. Node 0 is the root; a child index of 0 means none.
struct StemTrie {
    /// Child of each node for each letter `a`–`z` (0 = none).
    next: Vec<[u16; 26]>,
    /// True when the path from the root to the node spells a whole stem.
    stem_end: Vec<bool>,
    /// True when the path spells a whole second word.
    word_end: Vec<bool>,
}

impl StemTrie {
    fn new(stems: &[&str], words: &[&str]) -> StemTrie {
        let mut t = StemTrie {
            next: vec![[0; 26]],
            stem_end: vec![false],
            word_end: vec![false],
        };
        let entries = stems
            .iter()
            .map(|s| (s, false))
            .chain(words.iter().map(|w| (w, true)));
        for (s, whole) in entries {
            let mut node = 0usize;
            for b in s.bytes().rev() {
                let Some(slot) = b
                    .is_ascii_lowercase()
                    .then(|| usize::from(b - b'a'))
                    .and_then(|l| t.next.get(node).map(|n| (n[l], l)))
                else {
                    break;
                };
                node = match slot {
                    (0, l) => {
                        let id = t.next.len();
                        t.next.push([0; 26]);
                        t.stem_end.push(false);
                        t.word_end.push(false);
                        if let (Some(n), Ok(id16)) = (t.next.get_mut(node), u16::try_from(id)) {
                            n[l] = id16;
                        }
                        id
                    }
                    (child, _) => usize::from(child),
                };
            }
            let ends = if whole {
                &mut t.word_end
            } else {
                &mut t.stem_end
            };
            if let Some(e) = ends.get_mut(node)
                && node != 0
            {
                *e = true;
            }
        }
        t
    }

    /// Whether `word`, ASCII-lowercased, is a second word, else whether it
    /// ends in a stem with at least [`min_prefix`] letters before it. Each
    /// byte is lowercased as the walk reaches it, so callers need no
    /// lowercase copy.
    fn lookup(&self, word: &[u8]) -> TrieHit {
        let mut node = 0usize;
        let mut stem = false;
        for (depth, b) in word.iter().map(u8::to_ascii_lowercase).rev().enumerate() {
            let child = b
                .is_ascii_lowercase()
                .then(|| usize::from(b - b'a'))
                .and_then(|l| self.next.get(node)?.get(l).copied())
                .unwrap_or(0);
            if child == 0 {
                break;
            }
            node = usize::from(child);
            let len = depth + 1;
            stem |= self.stem_end.get(node).copied().unwrap_or(false)
                && word.len() >= len + min_prefix(len);
            if len == word.len() && self.word_end.get(node).copied().unwrap_or(false) {
                return TrieHit::Word;
            }
        }
        if stem { TrieHit::Stem } else { TrieHit::None }
    }
}

static STEM_TRIE: LazyLock<StemTrie> =
    LazyLock::new(|| StemTrie::new(INN_STEMS, CONJUGATE_SECOND_WORDS));

/// [`NOT_INN`], sorted for binary search.
static NOT_INN_SET: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = NOT_INN.to_vec();
    v.sort_unstable();
    v.dedup();
    v
});

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expect: bool) {
        assert_eq!(is_inn_word(word), expect, "{word}");
    }

    #[test]
    fn the_stem_trie_agrees_with_a_plain_suffix_search_and_word_list() {
        // Every stem, a letter short of its prefix, just long enough, and
        // words that share a stem's tail but not the stem.
        let slow = |w: &str| {
            INN_STEMS
                .iter()
                .any(|s| w.ends_with(s) && w.len() >= s.len() + min_prefix(s.len()))
        };
        let mut words: Vec<String> = Vec::new();
        for s in INN_STEMS {
            assert!(
                s.len() <= 16 && s.bytes().all(|b| b.is_ascii_lowercase()),
                "{s:?}"
            );
            for pre in ["", "a", "ab", "abc", "abcd", "zz"] {
                words.push(format!("{pre}{s}"));
                words.push(format!("{pre}{}", s.get(1..).unwrap_or("")));
                words.push(format!("{pre}{s}s"));
            }
        }
        for w in CONJUGATE_SECOND_WORDS {
            words.push(w.to_string());
            words.push(format!("x{w}"));
            words.push(w.get(1..).unwrap_or("").to_string());
        }
        words.extend(["", "a", "mab", "xmab", "abcmab", "zumab", "relin"].map(String::from));
        for w in &words {
            let second = CONJUGATE_SECOND_WORDS.contains(&w.as_str());
            let expect = if second {
                TrieHit::Word
            } else if slow(w) {
                TrieHit::Stem
            } else {
                TrieHit::None
            };
            assert_eq!(STEM_TRIE.lookup(w.as_bytes()), expect, "{w:?}");
        }
    }

    /// The second-word sets answer as the list, on every entry in three
    /// casings, on words one letter off, and on non-ASCII and long words.
    #[test]
    fn second_word_sets_are_the_list() {
        let mut words: Vec<String> = Vec::new();
        for w in CONJUGATE_SECOND_WORDS {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            let mut c = w.chars();
            words.extend(
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>()),
            );
            words.push(format!("{w}s"));
            words.push(w.get(1..).unwrap_or("").to_string());
        }
        words.extend(
            ["", "VEDOTİN", "vedotın", "véd", &"a".repeat(40), "Zentrix"].map(String::from),
        );
        for w in &words {
            assert_eq!(
                is_conjugate_second_word(w),
                CONJUGATE_SECOND_WORDS.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                is_conjugate_second_word_ignoring_ascii_case(w),
                CONJUGATE_SECOND_WORDS.contains(&w.to_ascii_lowercase().as_str()),
                "{w:?}"
            );
        }
    }

    /// [`is_inn_word`] as it was before the trie folded case: the word
    /// lowercased into a copy, looked up, and compared as a string.
    fn is_inn_word_by_copy(word: &str) -> bool {
        if word.len() < 7 || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        match STEM_TRIE.lookup(lower.as_bytes()) {
            TrieHit::Word => true,
            TrieHit::Stem => NOT_INN_SET.binary_search(&lower.as_str()).is_err(),
            TrieHit::None => false,
        }
    }

    /// `w` as written, lowercased, uppercased and with its first letter
    /// uppercased.
    fn casings(w: &str) -> [String; 4] {
        let mut c = w.chars();
        let title = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default();
        [w.to_string(), w.to_lowercase(), w.to_uppercase(), title]
    }

    /// Stems, exceptions, second words and their neighbours in four
    /// casings, non-ASCII look-alikes (`ſ`, the Kelvin sign, U+2011, a
    /// dotted capital I) and long words.
    fn inn_edge_words() -> Vec<String> {
        let mut base: Vec<String> = Vec::new();
        for s in INN_STEMS {
            for pre in ["", "ab", "abc", "abcd", "ado-xyz", "zz-"] {
                base.push(format!("{pre}{s}"));
                base.push(format!("{pre}{s}s"));
                base.push(format!("{pre}{}", s.get(1..).unwrap_or("")));
            }
        }
        base.extend(NOT_INN.iter().map(|w| w.to_string()));
        base.extend(NOT_INN.iter().map(|w| format!("{w}s")));
        base.extend(NOT_INN.iter().map(|w| format!("x{w}")));
        base.extend(CONJUGATE_SECOND_WORDS.iter().map(|w| w.to_string()));
        base.extend(CONJUGATE_SECOND_WORDS.iter().map(|w| format!("x{w}")));
        base.extend(
            [
                "",
                "-------",
                "pembrolizumab",
                "pembroliſumab",
                "pembrolizumab\u{212a}",
                "\u{212a}inasetinib",
                "trastuzumab\u{2011}dm",
                "fam\u{2011}trastuzumab",
                "İdarubicin",
                "idarubİcin",
                "osimertinib_",
                "osimertinib1",
                "olaparib olaparib",
                "é-olaparib",
            ]
            .map(String::from),
        );
        base.push(format!("{}mab", "a".repeat(70)));
        base.push(format!("{}peptide", "A".repeat(70)));
        base.iter().flat_map(|w| casings(w)).collect()
    }

    #[test]
    fn is_inn_word_agrees_with_the_lowercase_copy_at_the_edges() {
        for w in inn_edge_words() {
            assert_eq!(is_inn_word(&w), is_inn_word_by_copy(&w), "{w:?}");
        }
    }

    #[test]
    fn is_inn_word_agrees_with_the_lowercase_copy_on_every_sample_word() {
        let mut accepted = 0;
        for text in super::super::sample_filings() {
            // Whitespace tokens and the letter-and-hyphen runs inside them,
            // each in four casings.
            let runs = text
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
                .filter(|w| !w.is_empty());
            for word in text.split_whitespace().chain(runs) {
                for w in casings(word) {
                    let got = is_inn_word(&w);
                    assert_eq!(got, is_inn_word_by_copy(&w), "{w:?}");
                    accepted += usize::from(got);
                }
            }
        }
        assert!(accepted > 0, "the samples hold INN words");
    }

    #[test]
    fn the_stem_trie_folds_ascii_case() {
        for w in inn_edge_words() {
            assert_eq!(
                STEM_TRIE.lookup(w.as_bytes()),
                STEM_TRIE.lookup(w.to_ascii_lowercase().as_bytes()),
                "{w:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn is_inn_word_agrees_with_the_lowercase_copy(
            pre in "[a-zA-Z\\-ſ\u{212a}\u{2011}é]{0,12}",
            stem in proptest::sample::select(INN_STEMS.iter().chain(NOT_INN).copied().collect::<Vec<_>>()),
            upper in proptest::collection::vec(proptest::bool::ANY, 0..32),
            post in "[a-zA-Z\\-]{0,2}",
        ) {
            let w: String = format!("{pre}{stem}{post}")
                .chars()
                .zip(upper.iter().copied().chain(std::iter::repeat(false)))
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            proptest::prop_assert_eq!(is_inn_word(&w), is_inn_word_by_copy(&w), "{:?}", w);
        }
    }

    #[test]
    fn inn_stems() {
        for w in [
            "pembrolizumab",
            "osimertinib",
            "palbociclib",
            "olaparib",
            "vorinostat",
            "semaglutide",
            "lenalidomide",
            // Two letters before a long stem.
            "idarubicin",
            "Epirubicin",
        ] {
            check(w, true);
        }
        for w in [
            "peptide",
            "pipeline",
            "kinase",
            "disease",
            "vaccine",
            "personnel",
            "medicine",
            // A drug class, not a drug.
            "anthracycline",
        ] {
            check(w, false);
        }
    }

    #[test]
    fn company_variants_fold_to_one() {
        let l = &*LEXICON;
        assert_eq!(
            l.company_by_key.get(&name_key("sanofi-aventis")),
            l.company_by_key.get(&name_key("Sanofi"))
        );
        assert!(l.target_by_key.contains_key(&name_key("folate receptor α")));
    }
}
