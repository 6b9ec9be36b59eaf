//! General-knowledge lexicons: INN/USAN stems, pharma and biotech companies with name variants and parents, molecular targets, ADC payloads, and names that are not organizations or compounds.
//!
//! Sources: the WHO INN "stem book" (stems for nonproprietary names), the
//! USAN Council's stem list, public company names of the pharmaceutical and
//! biotechnology industries with their well-known subsidiaries, HGNC gene
//! symbols and the CD (cluster of differentiation) nomenclature for targets.
//! None of these lists names a sample filing's compound; they are what any
//! reader of biotech news knows.

use crate::model::name_key;
use std::collections::HashMap;
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
pub struct Lexicon {
    /// `name_key` of a company name or variant → index into [`COMPANIES`].
    pub company_by_key: HashMap<String, usize>,
    /// `name_key` of a target name or alias → index into [`TARGETS`].
    pub target_by_key: HashMap<String, usize>,
    /// `name_key`s of non-organizations.
    pub not_org: std::collections::HashSet<String>,
}

/// The lexicon, built on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut company_by_key = HashMap::new();
    for (i, c) in COMPANIES.iter().enumerate() {
        company_by_key.entry(name_key(c.name)).or_insert(i);
        for v in c.variants {
            company_by_key.entry(name_key(v)).or_insert(i);
        }
    }
    let mut target_by_key = HashMap::new();
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
    // Cheap rejections first: most words are short or end in no stem letter.
    if word.len() < 7 || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        return false;
    }
    // Lowercase on the stack: this runs on nearly every long word of a filing.
    let mut buf = [0u8; 64];
    let Some(dst) = buf.get_mut(..word.len()) else {
        return is_inn_lower(&word.to_ascii_lowercase());
    };
    dst.copy_from_slice(word.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).is_ok_and(is_inn_lower)
}

/// [`is_inn_word`] on an already lowercased ASCII word.
fn is_inn_lower(lower: &str) -> bool {
    if CONJUGATE_SECOND_WORDS.contains(&lower) {
        return true;
    }
    // At least three letters before a short stem ("-mab": "ab" + "mab" is
    // no name), two before a long one ("be" + "rubicin", "ida" + "rubicin").
    // Cheap rejection: no stem ends in the word's last two letters.
    if !STEM_TAILS.has(lower.as_bytes()) {
        return false;
    }
    let stem = INN_STEM_SET.iter().any(|(len, stems)| {
        lower.len() >= len + if *len >= 6 { 2 } else { 3 }
            && lower
                .get(lower.len() - len..)
                .and_then(stem_key)
                .is_some_and(|k| stems.binary_search(&k).is_ok())
    });
    stem && NOT_INN_SET.binary_search(&lower).is_err()
}

/// The last two letters of every [`INN_STEMS`] entry, as a 26 × 26 bit set:
/// a word whose last two letters are not in it ends in no stem.
struct StemTails([u64; 11]);

impl StemTails {
    fn index(a: u8, b: u8) -> Option<usize> {
        (a.is_ascii_lowercase() && b.is_ascii_lowercase())
            .then(|| usize::from(a - b'a') * 26 + usize::from(b - b'a'))
    }

    /// True when `word` (lowercase ASCII) ends in two letters some stem ends in.
    fn has(&self, word: &[u8]) -> bool {
        let n = word.len();
        let (Some(&a), Some(&b)) = (word.get(n.wrapping_sub(2)), word.get(n.wrapping_sub(1)))
        else {
            return false;
        };
        Self::index(a, b).is_some_and(|i| {
            self.0
                .get(i / 64)
                .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
        })
    }
}

static STEM_TAILS: LazyLock<StemTails> = LazyLock::new(|| {
    let mut bits = [0u64; 11];
    for s in INN_STEMS {
        let b = s.as_bytes();
        let n = b.len();
        if let (Some(&x), Some(&y)) = (b.get(n.wrapping_sub(2)), b.get(n.wrapping_sub(1)))
            && let Some(i) = StemTails::index(x, y)
            && let Some(w) = bits.get_mut(i / 64)
        {
            *w |= 1u64 << (i % 64);
        }
    }
    StemTails(bits)
});

/// A stem (at most 16 bytes) packed into an integer, so that suffix look-ups
/// compare integers rather than call `memcmp` per probe.
fn stem_key(s: &str) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
    Some(u128::from_le_bytes(buf))
}

/// [`INN_STEMS`] grouped by length, as sorted [`stem_key`]s. A stem longer
/// than 16 bytes would have no key; none is (a unit test checks).
static INN_STEM_SET: LazyLock<Vec<(usize, Vec<u128>)>> = LazyLock::new(|| {
    let mut by_len: std::collections::BTreeMap<usize, Vec<u128>> = Default::default();
    for s in INN_STEMS {
        if let Some(k) = stem_key(s) {
            by_len.entry(s.len()).or_default().push(k);
        }
    }
    by_len
        .into_iter()
        .map(|(len, mut v)| {
            v.sort_unstable();
            v.dedup();
            (len, v)
        })
        .collect()
});

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
    fn every_stem_has_a_lookup_key() {
        for s in INN_STEMS {
            assert!(stem_key(s).is_some(), "stem {s:?} is longer than 16 bytes");
            // The tail filter lets every stem through (stems are lowercase
            // ASCII letters of two or more).
            assert!(
                STEM_TAILS.has(s.as_bytes()),
                "stem {s:?} fails the tail filter"
            );
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
