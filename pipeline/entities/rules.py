"""Recognition rules as data: words, heads and cues the recognisers consult. No logic here."""
from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())

# ---------------------------------------------------------------- organisation shapes
# Head noun of an organisation-shaped name -> body type (None: decided by the shape, see org_shapes).
ORG_HEADS: dict[str, str | None] = {
    "council": None, "commission": "public_body", "agency": "public_body", "authority": None,
    "board": "public_body", "panel": "public_body", "executive": "public_body", "inspectorate": "public_body",
    "tribunal": "public_body", "regulator": "public_body", "ombudsman": "public_body", "office": "public_body",
    "service": "public_body", "committee": None, "taskforce": "public_body", "police": "public_body",
    "constabulary": "public_body", "department": "central_government", "ministry": "central_government",
    "network": "membership_body", "association": "membership_body", "federation": "membership_body",
    "confederation": "membership_body", "society": "membership_body", "institution": "membership_body",
    "chamber": "membership_body", "guild": "membership_body", "alliance": "other_org", "consortium": "other_org",
    "forum": "other_org", "foundation": "charity_ngo", "trust": "charity_ngo", "charity": "charity_ngo",
    "union": "union", "institute": "think_tank", "centre": "think_tank", "center": "think_tank",
    "observatory": "think_tank", "university": "university", "college": "university", "polytechnic": "university",
    "school": "other_org", "academy": "other_org", "party": "parliament_party", "assembly": "parliament_party",
    "parliament": "parliament_party", "ltd": "company", "limited": "company", "plc": "company", "cic": "company",
    "llp": "company", "llc": "company", "inc": "company", "holdings": "company", "group": "company",
    "corporation": "company", "company": "company", "partners": "company", "bank": "company",
    "airways": "company", "exchange": "company", "airlines": "company", "motors": "company",
    "railway": "company", "trains": "company",
    "fund": "programme_or_fund", "scheme": "programme_or_fund", "programme": "programme_or_fund",
    "premium": "programme_or_fund", "formula": "programme_or_fund", "initiative": "programme_or_fund",
    "grant": "programme_or_fund", "partnership": "other_org", "hospital": "public_body", "museum": "other_org",
    "gallery": "other_org", "library": "other_org", "times": "other_org", "guardian": "other_org",
    "telegraph": "other_org", "gazette": "other_org", "herald": "other_org", "chronicle": "other_org",
    "court": "public_body", "navy": "public_body", "desk": "other_org", "sons": "company",
}
ORG_HEADS.update({"chambers": "membership_body", "convention": "membership_body", "co-operative": "company",
                  "cooperative": "company", "coalition": "other_org", "campaign": "charity_ngo",
                  "commissioner": "public_body",
                  # broadcasters and papers named by their medium ("Israel Radio", "Reuters Television")
                  "radio": "other_org", "television": "other_org", "tv": "other_org", "daily": "other_org"})
# Heads that make a name only when followed by "for/of X" ("Campaign for Better Transport").
HEAD_INITIAL_ONLY = words("campaign commissioner")
# Company suffixes: as strong as any head ("Acme Widgets Ltd", "Ford Motor Co", "Siemens AG").
for _suffix in ("corp", "co", "sa", "ag", "nv", "bv", "gmbh", "spa", "bhd", "pty", "ltda", "plc", "llc", "inc"):
    ORG_HEADS[_suffix] = "company"
# Sector words that end many company names but also name sectors ("Bellway Homes" vs "Creative Industries"):
# they need a modifier that is not itself a sector word or an ordinary descriptor.
WEAK_HEADS = words(
    "industries international securities capital energy pharmaceuticals resources petroleum telecom "
    "telecommunications communications systems technologies electronics steel mining oil insurance "
    "investments properties enterprises foods semiconductor software media entertainment automotive "
    "chemicals logistics construction homes developments engineering airways airlines motors trains railway "
    "exchange"
)
for _weak in WEAK_HEADS:
    ORG_HEADS[_weak] = "company"
# Company suffixes written with a full stop that belongs to the name ("Acme Corp.", "Ford Motor Co.").
ABBREVIATED_SUFFIXES = words("corp co inc ltd bhd pty cos corps bros")
# Sports-club and agency endings after a place or name ("Blackburn Rovers", "Swiss Re", "Sydney Newsroom");
# weak heads too: they need a proper modifier ("the United" alone is nothing).
CLUB_HEADS = words("united rovers wanderers athletic albion hotspur rangers fc afc sc cf re newsroom")
for _club in CLUB_HEADS:
    ORG_HEADS[_club] = "company" if _club == "re" else "other_org"
WEAK_HEADS = WEAK_HEADS | CLUB_HEADS - {"newsroom"}
ORG_HEADS.update({"studios": "company", "studio": "company", "pictures": "company", "records": "company",
                  "brewery": "company", "breweries": "company", "publishing": "company"})
# Words that open an organisation name whose rest may be a place or anything ("Radio Free Europe",
# "Statistics Canada", "Air France", "Real Madrid"): the whole capitalised run is the name.
ORG_INITIAL_WORDS: dict[str, str] = {
    "radio": "other_org", "statistics": "public_body", "air": "company", "banco": "company", "banca": "company",
    "real": "other_org", "sporting": "other_org", "dynamo": "other_org", "dinamo": "other_org",
    "olympique": "other_org", "fc": "other_org", "ac": "other_org", "club": "other_org",
}
# Pronouns inside a capitalised run make it a phrase or a title, never an organisation ("In God We Trust").
PRONOUN_WORDS = words("i we you they he she it our my your their us them")
# Nouns for works: a name right after one is a title, not a person ("the film Mary Poppins").
WORK_NOUNS = words(
    "film films movie movies musical novel book books album song single series sitcom show play opera ballet "
    "documentary sequel prequel remake musical painting poem franchise character")
# Words that, with "to"/"of" after them, introduce a work ("sequel to Mary Poppins", "star of Mary Poppins").
WORK_LINKS = words("sequel prequel remake star stars cast version adaptation director author")
COMMON_DESCRIPTORS = words(
    "renewable green clean digital social creative financial professional business public private national "
    "international global local regional british english european american new old modern advanced high "
    "low key core heavy light general cultural medical health care life natural energy oil gas water food "
    "retail consumer industrial technology tech data cyber mobile smart affordable council social housing "
    "rural urban coastal northern southern eastern western offshore onshore nuclear solar wind marine "
    "mass mainstream traditional independent specialist small large big major the our their"
)
# Heads whose plural names a class ("Skills Advisory Panels").
PLURAL_HEADS: dict[str, str] = {
    "councils": "council", "commissions": "commission", "agencies": "agency", "authorities": "authority",
    "boards": "board", "panels": "panel", "committees": "committee", "networks": "network",
    "associations": "association", "foundations": "foundation", "trusts": "trust", "unions": "union",
    "institutes": "institute", "centres": "centre", "universities": "university", "colleges": "college",
    "parties": "party", "partnerships": "partnership", "funds": "fund", "schemes": "scheme",
    "programmes": "programme", "groups": "group", "corporations": "corporation", "hubs": "hub",
}
# Heads that may be followed by "of/for/on X" ("University of Derby", "Centre for Cities").
HEAD_OF_OK = words(
    "council commission agency authority board panel office service committee department ministry network "
    "association federation confederation society institution chamber guild alliance forum foundation "
    "trust union institute centre center observatory university college school academy party bank fund "
    "programme partnership museum gallery taskforce executive convention campaign commissioner coalition "
    "chambers"
)
OF_WORDS = frozenset({"of", "for", "on"})
# Lower-case words allowed inside a capitalised name.
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "in", "upon", "de", "du", "la", "le", "von", "van",
                        "y", "to", "at", "under", "an"})
# Council kinds that make "X ... Council" a local authority.
COUNCIL_KINDS = frozenset({"city", "county", "borough", "district", "town", "parish", "metropolitan", "unitary",
                           "london"})
# Words that, leading a capitalised run, are not part of a name.
LEADING_NOISE = words(
    "the a an this that these those our their his her its my your we i you they he she it in on at by for "
    "from with without under over during after before since until as if when while whilst although though "
    "but and or so yet also each every all some many most both such other another according meanwhile "
    "however today yesterday tomorrow last next new former latest read see why how what where who which "
    "whose there here then now first second third finally one two three four five no not dear thanks "
    "thank please via"
)
# Nationality and "-based" descriptors that lead a head-less name without being part of it ("U.S.-based
# Acme said it", "Polish Zywiec's shares").
DESCRIPTOR_NOISE = words(
    "american british french german italian spanish polish russian chinese "
    "japanese indian canadian australian dutch swiss swedish belgian israeli iranian iraqi turkish greek "
    "mexican brazilian korean nigerian kenyan african european asian u.s.-based us-based uk-based"
)
# Words that describe the person whose name follows and are no part of it ("Swede Kenneth Eriksson", "German
# Alex Radulescu", "Midfielder Ian Jones"): nationality nouns and adjectives, sports positions, occupations.
PERSON_DESCRIPTORS = DESCRIPTOR_NOISE | words(
    "swede frenchman frenchwoman spaniard briton dane finn pole dutchman dutchwoman scot scotsman welshman "
    "englishman englishwoman irishman irishwoman turk croat serb czech slovak argentine argentinian moroccan "
    "austrian namibian cuban yugoslav hungarian romanian bulgarian ukrainian norwegian kenyan ethiopian "
    "zimbabwean pakistani egyptian algerian tunisian portuguese chilean colombian peruvian venezuelan "
    "belarussian georgian armenian lithuanian latvian estonian slovenian bosnian albanian palestinian "
    "lebanese syrian jordanian saudi afghan thai indonesian filipino malaysian vietnamese taiwanese "
    "zairean rwandan ugandan tanzanian ghanaian senegalese somali sudanese angolan liberian "
    "irish scottish welsh english danish finnish norwegian austrian hungarian czech "
    "newcomer teenager veteran islamist midfielder striker defender goalkeeper winger fullback left-back "
    "right-back centre-back forward keeper batsman bowler opener all-rounder pitcher outfielder infielder "
    "catcher quarterback jockey trainer rider driver skipper captain coach compatriot countryman "
    "detective journalist accountant doctor lawyer farmer businessman businesswoman tycoon dissident"
)
# Title words: a run made only of these (plus a head) is a job title, not a body ("Chief Executive").
ROLE_WORDS = words(
    "chief executive deputy vice assistant associate acting interim senior group managing non executive "
    "secretary minister chancellor prime leader chair chairman chairwoman chairperson director president "
    "head mayor councillor member spokesperson spokesman spokeswoman founder ceo cfo coo manager officer "
    "professor lecturer researcher economist analyst editor correspondent partner governor commissioner "
    "ambassador adviser advisor convenor treasurer principal dean trustee fellow lead general shadow "
    "state cabinet portfolio holder mp mep msp ms mla am peer lord baroness sir dame justice judge"
)
# Role heads that close a role phrase before or after a person's name.
ROLE_HEADS = words(
    "secretary minister chancellor leader chair chairman chairwoman chairperson director president mayor "
    "councillor member spokesperson spokesman spokeswoman founder ceo cfo coo manager officer professor "
    "lecturer researcher economist analyst editor correspondent partner governor commissioner ambassador "
    "adviser advisor convenor treasurer principal dean trustee fellow lead executive head mp mep msp mla "
    "vice-chancellor chief boss owner chairs secretary-general director-general envoy diplomat politician "
    "official negotiator activist campaigner lawyer barrister solicitor judge academic author writer "
    "journalist reporter columnist historian scientist expert consultant entrepreneur businessman "
    "businesswoman investor banker trader strategist candidate nominee resident student teacher nurse "
    "doctor surgeon worker farmer landlord pensioner representative delegate organiser coordinator "
    "singer musician actor actress star player footballer coach captain striker goalkeeper boxer athlete "
    "presenter broadcaster comedian artist designer novelist poet director-designate governor-elect senator "
    "congressman congresswoman lawmaker legislator"
)
# Roles that make an unknown "X" in "<role> of X" a company rather than another kind of organisation.
COMPANY_ROLES = frozenset({"chief executive", "ceo", "managing director", "chairman", "founder", "owner",
                           "boss", "chief operating officer", "chief financial officer"})

# ---------------------------------------------------------------- people
HONORIFICS = (
    "The Rt Hon", "Rt Hon", "Right Honourable", "Professor", "Prof", "Councillor", "Cllr", "Baroness", "Baron",
    "Dame", "Lady", "Lord", "Miss", "Mrs", "Mr", "Ms", "Mx", "Dr", "Sir", "Rev", "Reverend", "Revd",
    "Canon", "Bishop", "Archbishop", "Judge", "Justice", "President", "Chancellor", "Senator", "Governor",
    "Mayor", "Minister", "Secretary", "Speaker", "Premier", "General", "Captain", "Colonel", "Major", "Sheikh",
    "Prince",
    "Princess", "King", "Queen", "Father", "Sister", "Brother", "Cardinal", "Pope",
    "Det", "Insp", "Sgt", "Supt", "Ch", "Inspector", "Sergeant", "Constable", "Superintendent", "Commander",
    "DCI", "DI", "DS", "DC", "PC", "PCSO",
)
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "della", "bin", "al", "el", "le", "la", "du",
                            "der", "den", "ter", "st"})
# Tokens that never belong to a person's name.
NOT_NAME_WORDS = words(
    "mr mrs ms miss dr cllr prof rev "
    "the a an and or of for in on at to by with from this that these those it its his her their our my "
    "your we they he she i you mp meps mps msp cllr council government ministry department university "
    "college street road avenue lane north south east west northern southern eastern western central "
    "greater new city county borough district region england scotland wales britain uk ireland london "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december christmas easter brexit covid labour conservative tory "
    "tories liberal green reform party union trust fund plc ltd group said says according also however "
    "but statement review budget strategy report plan paper act day week summit conference agreement "
    "deal settlement index programme scheme framework spending house hall square park centre station "
    "airport bridge court office crisis recession election referendum inquiry award awards prize games "
    "cup league championship olympics festival show war treaty accord pact declaration charter manifesto"
)
# Capitalised words that make a two-word run something other than a person's name when no given name vouches
# for it ("Grand Prix", "Stock Exchange", "Open Championship").
NOT_PERSON_WORDS = words(
    "grand prix open cup trophy stakes classic masters series tour rally race marathon derby world global "
    "international national federal royal republic democratic socialist communist liberal islamic catholic "
    "christian muslim jewish holy saint san santa los las el al new old north south east west central upper "
    "lower great greater little middle east western eastern northern southern stock exchange market index "
    "bank fund price prices airlines air express motor motors oil gas energy petroleum mining steel holdings "
    "group systems technologies communications network news press radio television times post journal daily "
    "weekly herald tribune online net com corporation county state states island islands river lake mount "
    "valley sea ocean gulf bay coast beach port fort airport station bridge tower palace castle hotel square "
    "street road stadium arena park garden gardens church cathedral mosque temple court tribunal army navy "
    "force forces guard police party front movement alliance league union council committee club team "
    "united city rovers athletic sporting olympic olympics games championship championships final finals "
    "semifinal quarterfinal round day week year month reuters ap afp xinhua interfax itar-tass advanced home "
    "medical health care division general first second third bill act later earlier instead still elsewhere overall "
    "separately recently municipal desk"
)
# Dotted capitals that are no initials of a person ("U.S. Steel").
NOT_INITIALS = frozenset({"U.S", "U.N", "U.K", "E.U", "U.A.E", "U.S.A", "D.C", "L.A", "N.Y"})
# Words that are never a first name but are common surnames: a name may end in one when a role or a speech verb
# vouches for it ("Andy Street, the region's mayor").
SURNAME_WORDS = words("street hall green lane park bridge bridges young long king brown white black wood house "
                      "field fields hill hills church court waters mills banks day rice page")
SPEECH_VERBS = words(
    "said says told added argued warned claimed stated explained noted wrote commented insisted suggested "
    "believes thinks announced confirmed admitted urged called"
)

# ---------------------------------------------------------------- ambiguity
# Single-word register aliases that are ordinary English words: need a non-initial position and an org cue.
AMBIGUOUS_BODY_WORDS = words(
    "shelter crisis mind equity prospect reform onward demos unite locality compass community "
    "shell boots which? congress senate prudential nationwide kickstart citi sky northern southern "
    "treasury greens tories conservatives conservative commons lords labour plaid gmb bloomberg lloyds "
    "arriva stagecoach capita "
    "serco"
)
# Of those, the ones that also need an organisation cue nearby.
CUE_REQUIRED_BODY_WORDS = words(
    "shelter crisis mind equity prospect reform onward demos unite locality compass community which? "
    "kickstart sky northern southern"
)
ORG_CUES = ("charity", "union", "think tank", "think-tank", "campaign", "organisation", "group", "company",
            "firm", "said", "says", "chief executive", "director", "spokes", "report", "according to",
            "research by", "warned", "members", "party", "leader", "airline", "retailer", "bank", "supermarket")
# Ambiguous names that are the body even at a sentence start, unless the next word says otherwise.
SENTENCE_INITIAL_OK = words("labour conservatives conservative treasury tories greens unite gmb capita serco")
NOT_BEFORE: dict[str, frozenset[str]] = {
    "labour": words("market markets shortage shortages costs cost force supply productivity mobility relations "
                    "law laws rights standards share income intensive saving exchange"),
    "conservative": words("estimate estimates approach assumptions figure figures forecast forecasts view"),
    "treasury": words("bonds bills yields notes securities gilts inflation-protected bond bill yield note "
                      "future futures market markets auction auctions prices refunding issues issue debt"),
    "unite": words("the with to behind against around and in"),
}
# Place names that are ordinary words, months or common surnames: need a locative cue ("in March, Cambs").
AMBIGUOUS_PLACE_WORDS = words(
    "march may deal street reading wells sale bury hope ware rugby cheddar mold holt eye ash cove looe chance "
    "nelson lincoln grant clay wool send hythe diss corby wick golden normal leigh goring stone shaw ramsey "
    "marlow seaford epsom ely trent georgia jordan chad niger guinea battle bourne brandon church clare crook "
    "dollar fleet flint hale hyde keith leslie leven mere minster rye sandwich sandy settle bentley arnold "
    "kimberley stanley hamilton preston poole denny lees tain yate"
)
# Never places on their own (months, weekdays that are also town names).
NEVER_PLACE_WORDS = words(
    "march may august june april christmas"
)
LOCATIVE_CUES = words(
    "in at from to near around across outside inside of into towards throughout via between"
)
# Lower-case direction words allowed before a capitalised place name ("mid-Derbyshire").
DIRECTION_PREFIXES = frozenset({"mid", "north", "south", "east", "west", "north-east", "north-west",
                                "south-east", "south-west", "central", "inner", "outer", "greater"})
# Metonyms: a place normally, the government when it acts (possessive, or one of ACTING_VERBS after it).
METONYMS: dict[str, str] = {
    "downing street": "govuk:prime-ministers-office-10-downing-street",
    "number 10": "govuk:prime-ministers-office-10-downing-street",
    "no 10": "govuk:prime-ministers-office-10-downing-street",
    "whitehall": "org:hm-government",
    "westminster": "org:hm-government",
}
ACTING_VERBS = words(
    "officials sources insiders departments mandarins bureaucracy machine "
    "said says has have had wants wanted will would must should announced agreed decided insisted refuses "
    "refused is was plans planned intends"
)
# Compass regions written as bare capitalised words after "the" ("the North", "the Midlands").
COMPASS_REGIONS: dict[str, str] = {
    "north": "place:north-of-england", "south": "place:south-of-england", "midlands": "place:midlands",
    "north east": "E12000001", "north west": "E12000002", "south east": "E12000008",
    "south west": "E12000009", "east midlands": "E12000004", "west midlands": "E12000005",
}
# Words that make a page about the UK: a short register name ("Treasury", "IPO") may then mean the UK body.
UK_CUES = frozenset({
    "UK", "U.K.", "Britain", "British", "England", "Scotland", "Scottish", "Wales", "Welsh", "Northern Ireland",
    "NHS", "Westminster", "Whitehall", "Downing Street", "Tory", "Tories", "Holyrood", "Stormont",
    "Senedd", "Ofsted", "Ofgem", "Ofwat", "Ofcom", "HMRC", "GOV.UK", "councillor", "councillors", "Cllr",
})
# World places (``world``): newspaper abbreviations of US states, and cities named like common English words.
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.",), "CO": ("Colo.",), "CT": ("Conn.",),
    "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",),
    "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",),
    "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",),
    "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",),
    "WA": ("Wash.",), "WV": ("W.Va.",), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}
WORLD_NOT_PLACES = words(
    "mobile split nice bath batman van independence orange surprise mercedes concord temple champion "
    "providence sterling deal of bar buy cha ede best sale bury hope march may reading victoria ajax kawasaki "
    "toyota"
)
# Body types whose first word alone may stand for the body later on the page ("Acme" for "Acme Mining Corp.").
# Nouns that describe the organisation named right after them ("the Polish brewer Zywiec", "the weekly Der
# Spiegel") or in apposition before them ("Gencor, the South African mining group,"), with the type they give.
DESCRIPTOR_NOUNS: dict[str, str] = {
    **dict.fromkeys(words("company firm group brewer chipmaker carmaker automaker airline carrier bank lender "
                          "insurer retailer miner producer maker manufacturer conglomerate utility operator "
                          "refiner exporter importer supplier distributor developer builder publisher "
                          "broadcaster telecoms"), "company"),
    **dict.fromkeys(words("newspaper daily weekly magazine paper tabloid broadsheet agency club side"), "other_org"),
    **dict.fromkeys(words("party"), "parliament_party"),
}
# Of those, the ones that also name a person's trade ("insurer Thierry Dehaan", "broadcaster David Dimbleby"): a
# person's reading of the same name wins over theirs.
PERSON_TRADES = words("brewer insurer retailer miner producer maker manufacturer operator exporter importer "
                      "supplier distributor developer builder publisher broadcaster")
# Heads that, capitalised and alone, refer back to the one body on the page named with them ("the Commission").
REFERRING_HEADS = words(
    "commission council ministry senate parliament assembly congress court bank party agency authority board "
    "committee union army tribunal")
SHORT_FORM_TYPES = frozenset({"company", "other_org", "charity_ngo", "think_tank", "membership_body"})
# Sports pages (``teams``): headline labels ("SOCCER - ...") and words of match reports.
SPORT_LABELS = words(
    "soccer football cricket tennis golf rugby baseball basketball hockey cycling athletics motorsport racing "
    "boxing skiing nba nfl nhl sport sports volleyball handball motocross motorcycling superbike superbikes "
    "rallying rally speedway")
SPORT_CUES = words(
    "halftime half-time innings wickets wicket scorers goals standings championship league season match "
    "coach striker midfielder goalkeeper pitcher inning homer homers touchdown semifinal quarterfinal "
    "quarter-final semi-final cup tournament squad defender playoffs playoff runs batting bowling penalty")
# Labels of sports whose results pages list players with figures ("Waqar Younis 10 2 39 2"): only towns and
# counties there are teams.
INDIVIDUAL_SPORT_LABELS = words("cricket tennis golf athletics boxing cycling racing skiing motorsport motocross "
                                "motorcycling superbike superbikes rallying rally speedway")
# Words of results pages that stand beside numbers without being teams ("Attendance 32,000", "Halftime 1-0").
NOT_TEAM_WORDS = words(
    "extras fall did bowling batting innings "
    "attendance halftime half-time aggregate qualifier result results score scores scorers points played "
    "total totals round group week day standings table pool leg replay penalties extra time overall final "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday"
)
# Register names that other countries' bodies share: linked to the UK body only on a UK page.
SHARED_BODY_NAMES = frozenset({
    "foreign office", "foreign ministry", "home office", "interior ministry", "department of health",
    "ministry of health", "health ministry", "ministry of defence", "defence ministry", "ministry of justice",
    "justice ministry", "department of justice", "department of education", "ministry of education",
    "finance ministry", "ministry of finance", "department of transport", "department of energy",
    "supreme court", "high court", "court of appeal", "electoral commission", "house of commons",
    "central bank", "national audit office", "competition commission", "environment agency", "cabinet office",
    "state department", "labour party", "conservative party", "green party", "liberal party", "national party",
    "the treasury", "attorney general", "office of the prime minister", "national archives", "national library",
    "national gallery", "national museum",
})
# All-capital words that are never organisations, even next to "said".
NOT_ORG_ACRONYMS = words(
    "GDP GVA CEO CFO COO MP MPS MEP MSP MLA UK US USA EU VAT NI PM AI IT TV PR HR FAQ PDF COVID OK UN PPE "
    "NB BST GMT UTC AM PM ID II III IV QC KC OBE MBE CBE DBE RIP LGBT LGBTQ SEN SEND ESG NET ZERO"
)

# Capital-letter words of news prose that are not organisations: times, units, currencies, policy terms, Roman
# numerals ("a bare acronym is a body" does not apply to these).
NOT_ORG_ABBREVIATIONS = words(
    "GMT EDT EST CST PST CET BST UTC PCT BPS ADR ADRS CPI PPI GNP GDP RPI CPIH EPS IPO IPOS MPH KPH KM KG MW GW "
    "KW KWH USD GBP EUR DM FFR SFR JPY CHF CAD AUD NZD HKD SEK NOK DKK FIM BEF ITL ESP NLG ATS RUB CNY INR KRW "
    "ZAR MXN BRL ARS ECU YR QTR FY HY ET AL PS RE CC VS OR AND THE OF TO IN ON AT FOR BY A I II III IV VI VII "
    "VIII IX XI XII XV XX SME SMES STEM ICT FE HE IT AIDS HIV SARS DNA TB ID PIN SMS CD DVD PC USB VIP MBA PHD "
    "LLB BA BSC MSC MD QC KC CBE MBE OBE RSVP ASAP AKA FYI NB PTO TBC TBA PPS ROI KPI SLA NHS NET ISBN ATM "
    "NOTE CAPS FC SV SK AC"
)

# ---------------------------------------------------------------- organisation shapes, details
# Words that make "X Committee" a parliamentary committee.
COMMITTEE_PARLIAMENT_WORDS = words(
    "select commons lords public parliamentary"
)
# Words that make "X Group" a working group rather than a company.
GROUP_NOT_COMPANY = words(
    "working advisory steering expert reference action focus interest pressure campaign parliamentary "
    "stakeholder task user support"
)
# "X Centre" is a research body only with one of these ("Leisure Centre" is a building).
CENTRE_NAME_WORDS = words(
    "research policy studies study economic innovation centre"
)
# A head with only these before it is a common noun ("Working Group", "Local Board").
GENERIC_ORG_WORDS = GROUP_NOT_COMPANY | words(
    "steering executive management project programme partnership delivery scrutiny local new joint main full audit"
)
# Heads that take an "on X" tail ("Commission on Race and Ethnic Disparities").
ON_HEADS = words(
    "commission committee centre center panel institute taskforce forum council"
)
# Days and months end an "of X" tail ("Council on Monday").
TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december christmas easter"
)
# "<role> of X" where X is a department of an organisation, not an organisation.
NOT_ORG_AFTER_ROLE = frozenset({
    "policy", "economics", "research", "communications", "strategy", "operations", "finance", "marketing",
    "sales", "public affairs", "housing", "planning", "education", "health", "transport", "regeneration",
    "digital", "innovation", "development", "investment", "growth", "corporate affairs", "external affairs",
    "state", "staff", "the year"
})

# Common nouns that "said it" without being a name.
GENERIC_ACTORS = words(
    "government governments ministers officials firm firms business businesses companies researchers "
    "analysts police everyone nobody one each which that what who"
)
# A name that acts like an organisation never starts with these.
NOT_ORG_STARTS = words(
    "mr mrs ms miss dr sir lord lady cllr prof professor dame president minister he she they it we"
)
