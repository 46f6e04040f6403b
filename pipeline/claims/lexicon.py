"""Word lists and unit tables for the numeric-claims recogniser: data only, no logic."""

from __future__ import annotations

# --- number words ---------------------------------------------------------------------------------
UNITS = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
HUNDRED = {"hundred": 100}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DOZEN = {"dozen": 12}
NUMBER_WORDS = {**UNITS, **TEENS, **TENS, **HUNDRED, **SCALE_WORDS, **DOZEN}

# fraction denominators: singular and plural spellings -> denominator
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}
UNICODE_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
    "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅒": 0.1,
}
# multiplier words that are ratios on their own
RATIO_WORDS = {"twice": 2.0, "thrice": 3.0}

# --- scales after a number ------------------------------------------------------------------------
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "bln": 1e9, "bn": 1e9, "Bn": 1e9, "BN": 1e9,
    "b": 1e9, "B": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12, "T": 1e12, "mil": 1e6, "Mil": 1e6, "bil": 1e9,
}
# abbreviations that need a currency to be read as a scale (5b alone is an id, 5T a tonne)
SCALE_NEEDS_CURRENCY = {"b", "B", "T", "tr", "M"}
SCALE_LONG_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
                    "crore": 1e7, "hundred": 100, "dozen": 12}

# --- money ----------------------------------------------------------------------------------------
# prefixes written before the number, longest first when compiled
CURRENCY_PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL",
    "RM": "MYR", "Y=": "JPY", "PS": "GBP", "Mex$": "MXN", "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₪": "ILS", "₱": "PHP", "Rs": "INR", "Rs.": "INR",
}
ISO_CODES = {
    "GBP", "USD", "EUR", "JPY", "CNY", "INR", "CHF", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK", "PLN", "ZAR",
    "BRL", "MXN", "HKD", "SGD", "KRW", "RUB", "TRY", "NGN", "KES", "AED", "SAR", "CZK", "HUF", "ILS", "THB",
    "IDR", "MYR", "PHP", "EGP", "PKR", "BDT", "ARS", "CLP", "COP", "ISK", "RON", "BGN", "QAR", "UAH",
}
CODE_ALIASES = {"RMB": "CNY"}
# codes also read in lower or mixed case after a number ("40 usd"); not those that are English words (try, php)
LOWER_CASE_CODES = {"usd", "eur", "gbp", "jpy", "cny", "inr", "chf", "aud", "cad", "nzd", "hkd", "sgd", "myr", "rmb",
                    "Usd", "Eur", "Gbp"}
# currency words after the number (lower case), longest first when compiled
CURRENCY_WORDS = {
    "pounds sterling": "GBP", "pound sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
    "quid": "GBP", "bucks": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "swiss francs": "CHF", "francs": "CHF", "rand": "ZAR", "roubles": "RUB", "rubles": "RUB",
    "krona": "SEK", "kronor": "SEK", "kroner": "NOK", "zloty": "PLN", "naira": "NGN", "won": "KRW",
    "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD", "australian dollar": "AUD",
    "canadian dollar": "CAD", "new zealand dollar": "NZD", "hong kong dollar": "HKD", "singapore dollar": "SGD",
    "japanese yen": "JPY", "chinese yuan": "CNY", "rmb": "CNY", "indian rupees": "INR", "rupee": "INR",
    "pakistani rupees": "PKR", "swiss franc": "CHF", "rouble": "RUB", "ruble": "RUB", "rands": "ZAR",
    "shekels": "ILS", "shekel": "ILS", "pesos": "MXN", "lira": "TRY", "hryvnias": "UAH", "hryvnia": "UAH",
    # currencies of before the euro, still in archive and history pieces
    "french francs": "FRF", "deutschmarks": "DEM", "deutsche marks": "DEM", "dutch guilders": "NLG",
    "guilders": "NLG", "pesetas": "ESP", "escudos": "PTE", "lire": "ITL", "drachmas": "GRD",
    "irish pounds": "IEP", "punts": "IEP", "finnish markka": "FIM", "markkaa": "FIM", "markka": "FIM",
}
# minor units after the number: word -> (currency, divisor)
MINOR_UNITS = {"p": ("GBP", 100), "pence": ("GBP", 100), "penny": ("GBP", 100), "cents": ("USD", 100),
               "cent": ("USD", 100), "c": ("USD", 100)}

# --- percentages ----------------------------------------------------------------------------------
PERCENT_SUFFIXES = ["%", "per cent", "percent", "per-cent", "pc", "pct", "percents", "percentage"]
POINT_SUFFIXES = ["percentage points", "percentage point", "percentage-point", "% points", "% point",
                  "pp", "ppts", "ppt", "pts"]
BASIS_POINT_SUFFIXES = ["basis points", "basis point", "bps", "bp"]

# --- durations ------------------------------------------------------------------------------------
DURATION_UNITS = {
    "years": ("years", 1), "year": ("years", 1), "yrs": ("years", 1), "yr": ("years", 1),
    "decades": ("years", 10), "decade": ("years", 10), "centuries": ("years", 100), "century": ("years", 100),
    "months": ("months", 1), "month": ("months", 1), "weeks": ("weeks", 1), "week": ("weeks", 1),
    "fortnights": ("weeks", 2), "fortnight": ("weeks", 2), "days": ("days", 1), "day": ("days", 1),
    "hours": ("hours", 1), "hour": ("hours", 1), "hrs": ("hours", 1), "hr": ("hours", 1),
    "minutes": ("other:minutes", 1), "minute": ("other:minutes", 1), "mins": ("other:minutes", 1),
    "seconds": ("other:seconds", 1), "second": ("other:seconds", 1), "secs": ("other:seconds", 1),
}

# --- physical measures: surface -> canonical symbol (unit becomes "other:<symbol>") -------------------
# case-sensitive symbols
MEASURE_SYMBOLS = {
    "km": "km", "cm": "cm", "mm": "mm", "kg": "kg", "mg": "mg", "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW",
    "MWh": "MWh", "GWh": "GWh", "kWh": "kWh", "TWh": "TWh", "mph": "mph", "km/h": "km/h", "kph": "km/h",
    "ha": "ha", "sq ft": "sq ft", "sq m": "m2", "m2": "m2", "m²": "m2", "km2": "km2", "km²": "km2",
    "°C": "°C", "°F": "°F", "C": "°C", "ºC": "°C",
    "MtCO2e": "MtCO2e", "MtCO2": "MtCO2", "tCO2e": "tCO2e", "tCO2": "tCO2",
    "Mt": "Mt", "kt": "kt", "GB": "GB", "TB": "TB", "MB": "MB", "Mbps": "Mbps", "Gbps": "Gbps", "ml": "ml",
    "ft": "ft", "lb": "lb", "lbs": "lb", "oz": "oz", "F": "°F", "ºF": "°F", "mAh": "mAh", "Ah": "Ah",
    "kHz": "kHz", "Hz": "Hz", "MHz": "MHz", "GHz": "GHz", "ksi": "ksi", "psi": "psi", "lb-ft": "lb-ft",
    "lb ft": "lb-ft", "Nm": "Nm", "bhp": "bhp", "hp": "hp", "mpg": "mpg", "rpm": "rpm", "dB": "dB", "W": "W",
    "kV": "kV", "mW": "mW", "sq mi": "sq mile", "km^2": "km2", "GWh/yr": "GWh/yr", "km/hr": "km/h", "m/s": "m/s",
    "mi": "mile",
}
# case-insensitive words
MEASURE_WORDS = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mile",
    "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm",
    "centimeters": "cm", "millimetres": "mm", "millimeters": "mm", "feet": "ft", "foot": "ft",
    "inches": "in", "inch": "in", "yards": "yd", "yard": "yd", "kilograms": "kg", "kilogrammes": "kg",
    "kilogram": "kg", "kilos": "kg", "grams": "g", "grammes": "g", "tonnes": "tonne", "tonne": "tonne",
    "tons": "ton", "ton": "ton", "pounds in weight": "lb", "litres": "l", "liters": "l", "litre": "l",
    "liter": "l", "gallons": "gallon", "gallon": "gallon", "hectares": "ha", "hectare": "ha",
    "acres": "acre", "acre": "acre", "square miles": "sq mile", "square mile": "sq mile",
    "square kilometres": "km2", "square kilometers": "km2", "square metres": "m2", "square meters": "m2",
    "square feet": "sq ft", "square foot": "sq ft", "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW",
    "gigawatt": "GW", "kilowatts": "kW", "kilowatt": "kW", "terawatt hours": "TWh", "terawatt-hours": "TWh",
    "gigawatt hours": "GWh", "gigawatt-hours": "GWh", "megawatt hours": "MWh", "kilowatt hours": "kWh",
    "kilowatt-hours": "kWh", "degrees celsius": "°C", "degrees centigrade": "°C", "degrees fahrenheit": "°F",
    "degrees": "degree", "megatonnes": "Mt", "gigabytes": "GB", "terabytes": "TB", "megabytes": "MB",
    "miles per hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h", "points": "points",
    "miles an hour": "mph", "kilometres an hour": "km/h", "kilometers an hour": "km/h", "metric tons": "tonne",
    "metric tonnes": "tonne", "metric ton": "tonne", "square kilometre": "km2", "square kilometer": "km2",
    "hertz": "Hz", "kilohertz": "kHz", "megahertz": "MHz", "gigahertz": "GHz", "watts": "W", "watt": "W",
    "horsepower": "hp", "pounds per square inch": "psi", "pound-feet": "lb-ft", "milligrams": "mg",
    "micrograms": "µg", "millilitres": "ml", "milliliters": "ml", "barrels": "barrel", "barrel": "barrel",
}

# --- hedge words -> qualifier (matched on lower-cased text right before the number) -----------------
QUALIFIER_PREFIXES = {
    "just over": "over", "just above": "over", "just under": "under", "just below": "under",
    "just short of": "under", "more than": "over", "over": "over", "above": "over", "in excess of": "over",
    "upwards of": "over", "greater than": "over", "higher than": "over", "exceeding": "over", "topping": "over",
    "topped": "over", "tops": "over", "surpassed": "over", "exceeded": "over", "exceeds": "over",
    "exceed": "over", "surpass": "over", "surpasses": "over", "surpassing": "over",
    "north of": "over", "well over": "over", "well above": "over", "nearly": "under", "almost": "under",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under", "lower than": "under",
    "short of": "under", "shy of": "under", "well under": "under", "not quite": "under",
    "at least": "at_least", "a minimum of": "at_least", "no less than": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "at minimum": "at_least",
    "up to": "up_to", "as much as": "up_to", "as many as": "up_to", "at most": "up_to", "a maximum of": "up_to",
    "no more than": "up_to", "not more than": "up_to", "at the most": "up_to", "as high as": "up_to",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx.": "about",
    "approx": "about", "circa": "about", "c.": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "an approximate": "about", "in the region of": "about", "of the order of": "about",
    "on the order of": "about", "close to": "about", "nearer": "about", "broadly": "about",
    "greater than or equal to": "at_least", "more than or equal to": "at_least", "equal to or more than":
    "at_least", "equal to or greater than": "at_least", "less than or equal to": "up_to",
    "equal to or less than": "up_to", "bigger than": "over", "larger than": "over", "smaller than": "under",
    "not exceeding": "up_to", "a high of": "up_to", "a low of": "at_least", "well below": "under",
    ">": "over", "<": "under", ">=": "at_least", "<=": "up_to", "≥": "at_least", "≤": "up_to", "~": "about",
    "≈": "about", "just": "just", "only": "just", "a mere": "just", "mere": "just", "merely": "just",
    "as little as": "just",
    "as few as": "just", "barely": "just", "a paltry": "just", "exactly": "exact", "precisely": "exact",
    "a full": "exact", "fully": "exact", "a whole": "exact",
}
QUALIFIER_SUFFIXES = {
    "or more": "at_least", "or above": "at_least", "or over": "at_least", "or higher": "at_least",
    "or greater": "at_least", "or longer": "at_least", "or older": "at_least", "and older": "at_least",
    "or lower": "up_to", "or younger": "up_to", "and below": "up_to",
    "and above": "at_least", "and over": "at_least", "plus": "at_least", "+": "at_least",
    "or less": "up_to", "or fewer": "up_to", "or below": "up_to", "or under": "up_to", "and under": "up_to",
    "or so": "about", "odd": "about", "-odd": "about", "or thereabouts": "about", "ish": "about",
}

# --- traps ----------------------------------------------------------------------------------------
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STREET_SUFFIXES = [
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Place", "Square", "Sq", "Way", "Drive",
    "Close", "Court", "Terrace", "Gardens", "Crescent", "Row", "Hill", "Walk", "Parade", "Mews", "Grove",
    "Boulevard", "Blvd", "Embankment", "Quay", "Wharf", "Yard", "Green", "Circus", "Broadway",
]
# a capitalised label before a number makes the number an identifier (Section 106, Article 50)
ID_LABELS = [
    "Section", "Sections", "Article", "Articles", "Clause", "Schedule", "Part", "Chapter", "Figure", "Fig",
    "Table", "Page", "Paragraph", "Para", "Rule", "Regulation", "Level", "Stage", "Phase", "Tier", "Year",
    "Key Stage", "Grade", "Band", "Room", "Flat", "Unit", "Platform", "Gate", "Route", "Junction", "Exit",
    "Terminal", "Channel", "Category", "Class", "Type", "No", "No.", "Number", "Vol", "Volume", "Issue",
    "Episode", "Season", "Series", "Version", "Release", "Windows", "iOS", "Android", "Python", "Web",
    "Industry", "Mark", "Mk", "Covid", "COVID", "Apollo", "Boeing", "Airbus", "Formula", "Box", "Suite",
    "Floor", "Block", "Ward", "Lot", "Item", "Question", "Q", "Appendix", "Annex", "Step", "Pillar", "Goal",
    "Amendment", "Bill", "Act", "Directive", "Order", "Division", "League", "Matchday", "Round", "Match",
    "Game", "Bus", "Line", "Zone", "Radio", "BBC", "Channel", "ITV", "Studio", "Lane", "Hall", "Building",
    "Principle", "Objective", "Priority", "Recommendation", "Option", "Scenario", "Wave", "Cohort",
    "Gen", "Generation", "Model", "Ref", "Reference", "Case", "Application", "Docket", "Page", "pp", "p",
    "page", "pages", "section", "article", "clause", "paragraph", "chapter", "figure", "table", "version",
    "column", "footnote", "note", "item", "no", "number", "tier", "level", "stage", "phase", "step",
    "ref", "case", "reference", "grade", "grades", "Grades", "band", "tier", "tiers", "Tiers",
    "id", "ID", "code", "account", "serial", "flight", "bus route", "ticket",
    "call", "dial", "ring", "text", "policy number", "order number", "invoice", "registration", "licence",
    "application number",
]
# nouns that make "N <noun>" / "N-<noun>" the name of a kind (two-tier structure, a three-way split)
KIND_NOUNS = {
    "tier", "tiered", "factor", "way", "party", "pronged", "prong", "sided", "track", "speed", "lane",
    "stroke", "horse", "point", "dimensional", "stage", "step", "phase", "part", "pillar", "legged",
    "storey", "story", "bedroom", "bed", "seater", "door", "star", "child", "term", "wheeled", "wheeler",
    "nation", "handed", "headed", "level", "act", "page", "digit", "letter", "word", "shot", "ply",
    "tiers", "stop", "chamber", "tier-one", "class", "band", "room",
}
# words after "N-" that keep N a quantity ("a 200-strong team", "50-odd", "60-plus")
HYPHEN_QUANTITY_WORDS = {"strong", "plus", "odd", "fold", "and", "or"}
# hyphenated kinds that still quantify: "a 10-mile stretch", "a 40-hour week" (the unit tables decide)

# capitalised words that may sit right before a number without naming it ("Some 300", "In 2019", "All 324")
NOT_NAME_WORDS = [
    "In", "Of", "By", "For", "With", "To", "At", "From", "On", "And", "But", "Or", "Nor", "Yet", "So", "All",
    "The", "A", "An", "These", "Those", "This", "That", "Its", "His", "Her", "Their", "Our", "My", "Your",
    "Every", "Each", "Last", "Next", "Another", "Since", "Until", "Till", "Between", "Among", "Amongst",
    "After", "Before", "During", "Within", "Without", "Than", "Then", "Today", "Yesterday", "Now", "Still",
    "Both", "While", "When", "Whereas", "If", "As", "Although", "Though", "Because", "Only", "Just", "Also",
    "Even", "Nearly", "Almost", "About", "Around", "Some", "Over", "Under", "Roughly", "Approximately",
    "Exactly", "Precisely", "Barely", "Fully", "Fewer", "Less", "More", "Most", "Another", "Another",
    "Per", "Via", "Across", "Through", "Throughout", "Against", "Despite", "Including", "Excluding",
    "Plus", "Minus", "Page", "Here", "There", "Where", "What", "Which", "Who", "Whose", "How", "Why",
    "Up", "Down", "Out", "Off", "Into", "Onto", "Upon", "Circa", "Estimated", "Approx", "Total", "Totalling",
    "I", "We", "They", "He", "She", "It", "You", "Are", "Is", "Was", "Were", "Be", "Has", "Have", "Had",
    "Will", "Would", "Could", "Should", "May", "Might", "Must", "Can", "Do", "Does", "Did", "Says", "Said",
    "Costs", "Cost", "Worth", "Saw", "Sees", "See", "Lost", "Won", "Gained", "Cut", "Add", "Added",
    "Why", "Like", "Unlike", "Beyond", "Above", "Below", "Near", "Towards", "Toward", "Versus", "Vs",
]
# words after a duration that make it a relative date (a year ago, two weeks later)
RELATIVE_DATE_AFTER = ["ago", "earlier", "later", "previously", "before that", "hence", "beforehand",
                       "on", "afterwards", "after that"]
# concrete nouns after which "one" counts ("one man was arrested"); "one pillar", "one reason" select an item
ONE_COUNT_NOUNS = {
    "man", "woman", "person", "child", "boy", "girl", "baby", "patient", "officer", "pupil", "student", "teacher",
    "worker", "resident", "driver", "passenger", "victim", "soldier", "nurse", "doctor", "employee", "member",
    "councillor", "mp", "hospital", "school", "council", "home", "house", "household", "family", "job", "death",
    "case", "vote", "seat", "bed", "ward", "shop", "business", "company", "firm", "site", "vehicle", "car",
    "bus", "train", "flight", "ambulance", "arrest", "injury", "fatality", "casualty", "applicant", "bid",
}
# quantity comparisons that make "one" a count ("more than one", "at least one")
ONE_COUNT_BEFORE = ["more than", "at least", "fewer than", "less than", "over", "just over", "up to",
                    "only one in", "one in"]

# words that mark a change (direction of a measured quantity) -> noun form
CHANGE_WORDS = {
    "rise": "rise", "rises": "rise", "rose": "rise", "risen": "rise", "rising": "rise", "increase": "increase",
    "increased": "increase", "increases": "increase", "increasing": "increase", "grow": "growth",
    "grew": "growth", "grown": "growth", "growth": "growth", "growing": "growth", "jump": "jump",
    "jumped": "jump", "climb": "climb", "climbed": "climb", "surge": "surge", "surged": "surge",
    "soar": "rise", "soared": "rise", "boost": "increase", "boosted": "increase",
    "fall": "fall", "falls": "fall", "fell": "fall", "fallen": "fall", "falling": "fall", "drop": "drop",
    "dropped": "drop", "drops": "drop", "decline": "decline", "declined": "decline", "declines": "decline",
    "declining": "decline", "decrease": "decrease", "decreased": "decrease", "cut": "cut", "cuts": "cut",
    "reduce": "reduction", "reduced": "reduction", "reduction": "reduction", "shrink": "fall",
    "shrank": "fall", "shrunk": "fall", "slump": "fall", "slumped": "fall", "plunge": "fall",
    "plunged": "fall",
}
# verbs that make "from X to Y" a change rather than a range
CHANGE_VERBS_FOR_FROM_TO = set(CHANGE_WORDS) | {"raised", "raise", "lowered", "moved", "went", "changed",
                                                "doubled", "tripled", "halved", "slashed", "up", "down", "added",
                                                "gained", "lost", "shed", "cut", "trimmed"}

# --- attribution ----------------------------------------------------------------------------------
SPEECH_VERBS = [
    "said", "says", "say", "stated", "states", "told", "added", "adds", "argued", "argues", "claimed",
    "claims", "estimated", "estimates", "estimate", "found", "finds", "revealed", "reveals", "reported",
    "reports", "warned", "warns", "noted", "notes", "showed", "shows", "show", "calculated", "calculates",
    "predicted", "predicts", "forecast", "forecasts", "suggested", "suggests", "announced", "announces",
    "explained", "explains", "wrote", "writes", "insisted", "insists", "pointed out", "points out",
    "confirmed", "confirms", "concluded", "concludes", "highlighted", "highlights", "believes",
    "believed", "projected", "projects", "disclosed", "discloses", "admitted", "admits", "stressed",
    "published", "publishes", "recorded", "records", "said that", "commented", "observed",
]
SOURCE_NOUNS = ["report", "analysis", "research", "study", "survey", "figures", "data", "statistics",
                "estimates", "estimate", "review", "paper", "audit", "assessment", "poll", "briefing",
                "modelling", "calculations", "investigation", "index", "findings", "forecast", "forecasts"]
# job titles before a name ("Health Secretary Steve Barclay"): the attribution is the person
ROLE_WORDS = {
    "secretary", "minister", "chancellor", "president", "chairman", "chairwoman", "chair", "director", "leader",
    "mayor", "chief", "executive", "officer", "spokesperson", "spokesman", "spokeswoman", "governor",
    "commissioner", "deputy", "shadow", "prime", "economist", "analyst", "founder", "councillor", "cabinet",
    "attorney", "senator", "representative", "congressman", "congresswoman",
    "mp", "msp", "ms", "mep", "am", "lord", "baroness", "chairperson", "ceo", "cfo", "coo", "cto", "boss",
    "manager", "inspector", "superintendent", "constable", "commander", "professor", "dr", "sir", "dame",
    "judge", "speaker", "whip", "treasurer", "registrar", "head", "heads",
    "principal", "headteacher", "editor", "correspondent", "reporter", "researcher",
}
# unnamed sources cited as written ("the council said", "a government spokesperson said")
GENERIC_SOURCES = {
    "government", "council", "department", "ministry", "authority", "charity", "union", "company", "firm",
    "regulator", "police", "force", "trust", "board", "committee", "commission", "watchdog", "spokesperson",
    "spokesman", "spokeswoman", "bank", "treasury", "agency", "office", "group", "organisation", "organization",
    "party", "campaign", "minister", "secretary", "chancellor", "mayor", "leader", "chief", "executive",
}

# --- a claim's clause: direction of change, what is measured ---------------------------------------
# words (verbs before a number, nouns after it) whose number is the size of a rise or a fall
CHANGE_DIRECTION = {
    **dict.fromkeys([
        "rise", "rises", "rose", "risen", "rising", "increase", "increased", "increases", "increasing", "grow",
        "grows", "grew", "grown", "growth", "growing", "jump", "jumped", "jumps", "climb", "climbed", "climbs",
        "surge", "surged", "surges", "soar", "soared", "soars", "boost", "boosted", "gain", "gained", "gains",
        "up", "raise", "raised", "raises", "hike", "hiked", "hikes", "rebound", "rebounded", "spike", "spiked",
        "uplift", "advance", "advanced", "rallied"], "increase"),
    **dict.fromkeys([
        "fall", "falls", "fell", "fallen", "falling", "drop", "dropped", "drops", "dropping", "decline",
        "declined", "declines", "declining", "decrease", "decreased", "decreases", "cut", "cuts", "cutting",
        "reduce", "reduced", "reduces", "reduction", "reductions", "shrink", "shrank", "shrunk", "shrinks",
        "slump", "slumped", "plunge", "plunged", "plunges", "slash", "slashed", "slashing", "down", "tumble",
        "tumbled", "sank", "sink", "dip", "dipped", "dips", "eased", "slid", "slide", "slipped", "slip",
        "lowered", "shed", "trimmed", "fall-off", "contracted", "contraction", "retreated", "lost", "lose", "loses",
        "losing"], "decrease"),
}
# what a share is a share of when the sentence's subject is what it measures ("debt is 98% of GDP")
SHARE_BASES = {"gdp", "gnp", "gva", "income", "incomes", "salary", "salaries", "earnings", "wages", "output",
               "revenue", "revenues", "turnover", "spending", "budget", "budgets", "pay"}
# verbs whose subject a number sizes ("the list stood at 7.5 million", "the scheme will cost £3m")
LEVEL_VERBS = {
    "is", "was", "are", "were", "be", "stood", "stands", "stand", "reached", "reach", "reaches", "hit", "hits",
    "totalled", "totaled", "totals", "total", "amounted", "amounts", "cost", "costs", "costing", "averaged",
    "averages", "peaked", "remained", "remains", "hovered", "equals", "equalled", "numbered", "topped",
    "exceeded", "surpassed", "passed", "crossed", "worth", "valued", "became", "becomes", "closed", "ended",
    "finished", "opened", "settled", "traded", "held", "unchanged", "steady", "fixed", "capped", "pegged",
    "frozen", "top", "tops", "slow", "slows", "slowed", "accelerate", "accelerates", "accelerated", "recovered",
    "returned", "moved", "edged", "doubled", "tripled", "halved", "quadrupled", "stay", "stays", "stayed",
    "remain", "hold", "holds",
}
# words that open a new clause: the measured phrase never runs across them
CLAUSE_WORDS = {
    "and", "but", "while", "whilst", "whereas", "which", "who", "whom", "whose", "that", "where", "when",
    "because", "although", "though", "if", "unless", "whether", "so", "nor", "or", "since", "until", "despite",
    "after", "before", "once", "with",
}
# words that end a measured noun phrase: verbs and function words (closed classes and common news verbs)
MEASURED_STOP_WORDS = {
    "said", "says", "will", "would", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "than", "as", "and", "or", "but",
    "if", "not", "no", "very", "too", "also", "just", "only", "already", "still", "yet", "either", "neither",
    "how", "why", "according", "compared", "including", "like", "via", "versus", "vs", "per", "by", "get",
    "got", "gets", "make", "makes", "made", "take", "takes", "took", "give", "gives", "gave", "given", "need",
    "needs", "want", "wants", "spends", "spent", "paid", "receive", "receives", "received", "go", "goes",
    "went", "come", "comes", "came", "see", "sees", "saw", "seen", "lose", "loses", "lost", "win", "wins",
    "won", "face", "faces", "faced", "reach", "reached", "put", "set", "keep", "keeps", "kept", "leave",
    "leaves", "left", "remain", "remains", "remained", "expect", "expected", "help", "helps", "allow", "allows",
    "mean", "means", "die", "died", "dying", "say", "tell", "told", "think", "thinks", "believe", "believes",
    "live", "lived", "become", "became", "bring", "brings", "brought", "provide", "provides", "provided",
    "uses", "used", "hold", "holds", "held", "runs", "ran", "buy", "buys", "bought", "sell", "sells", "sold",
    "own", "owns", "owned", "hit", "hits", "include", "includes", "included", "accounted", "supports",
    "supported", "waited", "earn", "earns", "earned", "worth", "valued", "employ", "employs", "attend",
    "attended", "attends", "affect", "affects", "affected", "there", "here", "then", "now", "ago", "later",
    "earlier", "today", "about", "around", "nearly", "almost", "over", "under", "above", "below", "into",
    "onto", "off", "out", "against", "toward", "towards", "between", "through", "during", "without", "because",
    "amid", "following", "after", "before", "until", "since", "each", "every", "such", "other",
    "another", "even", "ever", "never", "again", "far", "away", "back", "s", "respectively",
    "apiece", "alone", "overall", "instead", "lower", "higher", "more", "less", "fewer", "bigger", "smaller",
    "larger", "greater", "cheaper", "dearer", "faster", "slower", "up", "down", "lives", "expects", "hopes",
    "aims", "met", "voted", "bn", "m", "k", "mn", "mln", "tn", "trn", "mil", "cent", "pc", "million", "billion",
    "trillion",
    "thousand",
}
# capitalised words that name a document, a medium or an event, never a speaker ("the Paper announced", "TV")
NOT_SPEAKERS = {
    "paper", "tv", "television", "report", "study", "survey", "data", "figures", "index", "budget", "statement",
    "review", "analysis", "research", "document", "plan", "strategy", "bill", "act", "website", "poll",
    "chart", "table", "graph", "map", "photo", "picture", "video", "film", "show", "radio", "article", "story",
    "post", "page", "headline", "letter", "book", "manifesto", "consultation", "deal", "agreement", "scheme",
    "programme", "policy", "law", "rules", "guidance", "update", "figure", "model", "tool", "app", "system",
    "twitter", "facebook", "instagram", "x", "it", "this", "internet", "online", "estimates",
    # people named by a common noun: "Analysts said", "Experts say" (no one in particular states the number)
    "analysts", "experts", "officials", "residents", "critics", "sources", "scientists", "witnesses", "doctors",
    "nurses", "teachers", "economists", "researchers", "campaigners", "observers", "insiders", "investors",
    "traders", "parents", "ministers", "mps", "councillors", "leaders", "staff", "workers", "users", "customers",
    "people", "protesters", "activists", "opponents", "supporters", "organisers", "organizers", "authorities",
    "officers", "managers", "executives", "bosses", "academics", "historians", "commentators", "forecasters",
    "pollsters", "medics", "engineers", "lawyers", "prosecutors", "investigators", "rescuers", "firefighters",
    "paramedics", "passengers", "fans", "locals", "neighbours", "farmers", "landlords", "tenants", "businesses",
    "firms", "companies", "banks", "unions", "families", "victims", "students", "pupils", "patients", "drivers",
    "voters", "members", "employers", "employees", "charities", "councils", "others", "many", "some", "most",
}
