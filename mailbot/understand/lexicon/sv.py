"""Swedish (as written in Finland and Sweden)."""

STOPWORDS = [
    "och", "jag", "är", "att", "det", "på", "för", "vi", "hej", "tack", "inte", "med", "till", "kan", "skulle",
    "vill", "en", "ett", "som", "om", "av", "har", "hade", "men", "eller", "passar", "mig", "oss", "vår",
    "vårt", "våra", "kl", "klockan", "bra", "gärna", "hälsningar", "vänliga", "tid", "tiden", "någon", "ingen",
    "också", "bara", "så", "sedan", "vecka", "måndag", "handledning", "också", "hos", "er", "ni", "dig",
]

# words that change no time beside them: function words, the writer and the reader, and the booking's own
# verbs and nouns. A word beside a time that is none of these and no word of this lexicon ("asiakaskäynneillä
# 9–11", "when the kids are at school") may change what the time means, and staff read it (leftovers.py)
PLAIN_WORDS = """
    jag mig mej du dig han hon honom henne vi oss ni er de dem dom det den denna detta dessa min mitt mina vår
    vårt våra hans hennes deras som vilken vilket vilka när då så och eller men utan att om för med på i till
    av från hos vid över innan före här där är var vara blir bli har hade ha skulle ska kan kunde kunna vill
    ville vilja går gå gick passar passa passade fungerar fungera funkar funka bra bäst bättre helst gärna
    tyvärr inte int ej inget ingen också även bara endast redan ännu nog kanske exempelvis t ex börja börjar
    starta först tid tiden tider tiderna träff träffen träffar möte mötet möten dag dagar dagen hela alla någon
    något några annars sedan sen därför eftersom dock ju väl ledig ledigt lediga möjligt möjlig boka bokar tack
    hej hälsningar stället istället vore många mycket helt ungefär däremot alternativt komma igång säga
    möjligen passande lämpligt lämplig fri fritt ses träffas mötas får titta kolla se kalender kalendern
    kalendrar kalendrarna perfekt utmärkt toppen fint ta tar första hand andra
    exempel ungefär nästan någon gång avdelning avdelningen
""".split()

WEEKDAYS = {
    0: [r"måndag\w*"], 1: [r"tisdag\w*"], 2: [r"onsdag\w*"], 3: [r"torsdag\w*"], 4: [r"fredag\w*"],
    5: [r"lördag\w*"], 6: [r"söndag\w*"],
}
WEEKDAY_ABBR = {0: [r"m\u00e5n", r"m\u00e5", r"(?<=p\u00e5\s)man", r"(?<=pa\s)man"], 1: ["tis", "ti"], 2: ["ons", "on"], 3: ["tors", "tor", "to"], 4: ["fre", "fr"],
                5: ["lör", "lö"], 6: ["sön", "sö"]}
# every working day, Monday to Friday
WORKDAYS = [r"(?:på\s+|alla\s+)?vardagar(?:na)?", r"vardag\w*", r"veckodagar(?:na)?", r"(?:alla\s+)?arbetsdagar(?:na)?"]
FOLLOWING = [r"(?:den\s+)?påföljande", r"(?:den\s+)?följande", r"(?:den\s+)?efterföljande"]
EVERY_OTHER = [r"var\s?annan", r"varannan"]
FROM_AFTER = [r"och\s+framåt", r"framåt", r"och\s+framöver"]
FROM_BEFORE = [r"från\s+och\s+med", r"fr\.\s?o\.\s?m\.?", r"från", r"med\s+start", r"fr\.o\.m"]
HABITUAL_BEFORE = [r"var\s?annan", r"varannan", r"varje", r"alla"]
HABITUAL = [r"kvällar\w*", r"morgnar\w*", r"\w+dagar\w*", r"\w+dagarna", r"varje\s+\w+", r"alla\s+\w+"]

MONTHS = {
    1: [r"januari", r"jan"], 2: [r"februari", r"feb"], 3: [r"mars"], 4: [r"april", r"apr"], 5: [r"maj"],
    6: [r"juni"], 7: [r"juli"], 8: [r"augusti", r"aug"], 9: [r"september", r"sept?"], 10: [r"oktober", r"okt"],
    11: [r"november", r"nov"], 12: [r"december", r"dec"],
}
# the first part of a suspended compound (Finnish has them: "maalis–huhtikuu")
MONTH_STEMS: dict[str, int] = {}
MONTH_PART = {
    "early": [r"(?:i\s+)?början\s+av", r"(?:i\s+)?början\s+på", r"tidigt\s+i"],
    "mid": [r"(?:i\s+)?mitten\s+av", r"(?:i\s+)?mitten\s+på", r"halvvägs\s+i"],
    "late": [r"(?:i\s+)?slutet\s+av", r"(?:i\s+)?slutet\s+på", r"sent\s+i"],
    "first_weeks": [r"(?:de\s+)?(?:första|två\s+första)\s+(?:två\s+)?veckorna\s+(?:i|av)"],
    "last_week": [r"(?:den\s+)?sista\s+veckan\s+(?:i|av)"],
    "week1": [r"(?:den\s+)?första\s+(?:hela\s+)?veckan\s+(?:i|av)"],
    "week2": [r"(?:den\s+)?andra\s+veckan\s+(?:i|av)"],
    "week3": [r"(?:den\s+)?tredje\s+veckan\s+(?:i|av)"],
    "week4": [r"(?:den\s+)?fjärde\s+veckan\s+(?:i|av)"],
}

DAY_PARTS = {
    "morning": [r"förmiddan", r"på\s+förmiddan", r"före\s+lunch\w*", r"innan\s+lunch\w*", r"(?:fram\s+)?till\s+lunch\w*", r"morgon", r"förmiddag\w*", r"på\s+morgonen", r"morgnar\w*", r"på\s+morgnarna", r"morgontid", r"morgonen",
                r"mornar\w*", r"morgnarna"],
    "midday": [r"mitt\s+på\s+dagen", r"vid\s+lunch\w*", r"lunchtid\w*", r"runt\s+lunch\w*", r"kring\s+lunch\w*",
               r"mitt\s+på\s+dagarna", r"lunch"],
    "afternoon": [r"eftermiddan", r"på\s+eftermiddan", r"eftermiddag\w*", r"efter\s+lunch\w*"],
    "evening": [r"på\s+kvällen", r"kvällar\w*", r"kvällstid\w*", r"kvällen", r"på\s+kvällarna",
                r"efter\s+jobbet", r"efter\s+arbetstid\w*", r"efter\s+arbetet", r"efter\s+jobbdagen"],
}
# after a part of the day: it describes a thing, not a time
DAYPART_NOUNS = [r"skift\w*", r"möte\w*", r"rusning\w*", r"kaffe\w*", r"pass\b"]
# before a part of the day: it belongs to a day named before ("den morgonen"), not to every day
THAT_DAY = [r"den", r"samma", r"den\s+dagens"]
DAY_PART_STEMS = {"morning": ["förmidda", "morgon"], "afternoon": ["eftermidda"], "evening": ["kväll"]}

# words that name a time but that no rule reads: left over, they send the message to staff
TIME_WORDS = [r"helg\w{0,4}", r"vardag\w{0,4}", r"förmiddag\w{0,4}", r"eftermiddag\w{0,4}", r"kväll\w{0,4}", r"lunch\w{0,4}", r"idag",
              r"imorgon", r"övermorgon", r"morgonen", r"morgnar\w*", r"middag\w*"]

# today or tomorrow with a part of the day: "ikväll" = today 16–20
REL_DAY_PARTS = {"0 morning": [r"i\s*morse", r"i\s*förmiddag", r"i\s*dag\s+på\s+förmiddagen"],
                 "0 afternoon": [r"i\s*eftermiddag", r"i\s*dag\s+på\s+eftermiddagen"],
                 "0 evening": [r"i\s*kväll", r"i\s*afton"],
                 "1 morning": [r"i\s*morgon\s+bitti", r"i\s*morgon\s+(?:på\s+)?förmiddag(?:en)?"],
                 "1 afternoon": [r"i\s*morgon\s+(?:på\s+)?eftermiddag(?:en)?"], "1 evening": [r"i\s*morgon\s+kväll"]}
REL_DAYS = {"0": [r"i\s*dag", r"idag"], "1": [r"i\s*morgon", r"imorgon", r"imorron"], "2": [r"i\s+övermorgon", r"iövermorgon", r"i\s+överimorgon", r"överimorgon"]}

WEEK_WORDS = {
    "following": [r"veckan\s+därpå", r"veckan\s+efter\s+(?:det|den)", r"veckan\s+efteråt", r"påföljande\s+vecka\w*", r"följande\s+vecka\w*"],
    "this": [r"denna\s+veckan?", r"denna\s+v\.?(?![\w.])", r"den\s+här\s+veckan", r"i\s+veckan", r"nu\s+i\s+veckan", r"under\s+veckan"],
    "next": [r"nästa\s+vecka\w*", r"nästa\s+v\.?(?![\w.])", r"kommande\s+vecka", r"veckan\s+som\s+kommer"],
    "after_next": [r"veckan\s+efter\s+nästa", r"om\s+två\s+veckor"],
    "same": [r"samma\s+vecka"],
    "number": [r"(?:vecka|veckan|v\.|v|vk|vecko)\s*(?P<n>\d{1,2})(?!\d|\.\d)"],
    "in_n": [r"om\s+(?P<n>ett\s+par|\w+)\s+veck(?:or|a)", r"om\s+(?P<n>ett\s+par|\w+)\s+veckors\s+tid", r"(?P<n>\w+)\s+veckor\s+från\s+nu"],
}
# a part of the week meant (this week unless another is named): "i slutet av veckan" → Thursday–Friday
WEEK_PART = {"early": [r"(?:i\s+)?början\s+(?:av|på)\s+veckan", r"tidigt\s+i\s+veckan"],
             "late": [r"(?:i\s+)?slutet\s+(?:av|på)\s+veckan", r"sent\s+i\s+veckan", r"mot\s+slutet\s+av\s+veckan"],
             "rest": [r"resten\s+av\s+veckan", r"senare\s+i\s+veckan", r"under\s+resten\s+av\s+veckan"]}
# "första fredagen i april", "den tredje måndagen i månaden"
NTH = {1: [r"första", r"1:a"], 2: [r"andra", r"2:a"], 3: [r"tredje", r"3:e"], 4: [r"fjärde", r"4:e"], -1: [r"sista"]}
MONTH_REF = {"any": [r"månaden", r"varje\s+månad", r"i\s+varje\s+månad"], "this": [r"denna\s+månad", r"den\s+här\s+månaden"],
             "next": [r"nästa\s+månad"]}
NTH_WEEKDAY = [r"(?:den\s+)?(?P<nth>{NTH})\s+(?P<w1>{WD})\s+(?:i\s+|varje\s+)?(?P<mref>{MREF}|{MONTHS})"]
# before a weekday or its range: every week ("varje vecka tisdag–torsdag")
# said of a weekday anywhere in its sentence, it is every such day: "ti–to on yleensä vapaata"
USUALLY = [r"vanligtvis", r"normalt", r"oftast", r"brukar", r"i\s+regel"]
EVERY_WEEK = [r"varje\s+vecka", r"varje", r"alla", r"veckovis"]
# in N days: "om fem dagar" = today + 5
IN_DAYS = [r"om\s+(?P<n>\w+)\s+dag(?:ar)?"]
# next calendar year, from 1 January
NEXT_YEAR = [r"nästa\s+år", r"till\s+nästa\s+år", r"under\s+nästa\s+år", r"efter\s+nyår"]
# words for a week before its number, for lists of weeks ("veckorna 52 och 53")
WEEK_NOUNS = [r"veck\w*", r"v\.", r"vk"]
# a day counted from another day or event, a week fused with its modifier: left unread, a time not understood
TIME_NOUNS = [r"dagen\s+(?:efter|före|innan)", r"dag(?:en)?\s+(?:efter|före|innan)\s+(?!i\s*morgon)",
              r"om\s+{N}\s+(?:veck\w*|dag\w*|månad\w*)", r"{N}\s+(?:veck\w*|dag\w*|månad\w*)\s+(?:senare|framåt|från\s+nu)",
              r"(?:{N}\s+)?(?:timm\w*|halvtimme\w*)\s+(?:senare|tidigare)"]
EVERY_N = [r"var\s+{N}\s+(?:{W}|månad\w*)", r"{N}\s+(?:{W}|månad\w*)s?\s+mellanrum"]  # a rhythm: "var tredje vecka"
MONTH_WORDS = {
    "this": [r"denna\s+månad", r"den\s+här\s+månaden"],
    "next": [r"nästa\s+månad", r"kommande\s+månad"],
}

# hours in words ("klockan nio")
HOUR_WORDS = {"ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
              "elva": 11, "tolv": 12}
# a clock time in another time zone than Finland's ("kl. 9 svensk tid"): staff convert it
EVENT_AFTER_MONTH: list[str] = []  # Swedish writes the month into a compound ("septembermötet")
AT_WORK = [r"(?:jag\s+är|vi\s+är|är\s+jag|är\s+vi)\s+(?:\w+\s+)?(?:på\s+jobbet|på\s+arbetet|i\s+tjänst)",
           r"jobbar\s+(?:jag|vi)(?![\w])"]
OTHER_ZONE = [r"(?:svensk|sverige|stockholms|brittisk|engelsk|centraleuropeisk|amerikansk|tysk)\s*tid", r"(?:uk|london|swedish|cet)\s+time", r"(?:cet|cest|gmt|utc|bst|est|edt|cst|pst|pdt)(?:\+\d+)?"]
MINUTE_WORDS = {"femton": 15, "tjugo": 20, "trettio": 30, "fyrtio": 40, "fyrtiofem": 45, "femtio": 50}  # "tio trettio"
HOUR_AT: dict[str, int] = {}
HOUR_FROM: dict[str, int] = {}
HOUR_TO: dict[str, int] = {}
# a word before an hour that moves it: "halv tre" = 14.30, "kvart i tre" = 14.45
HOUR_MODIFIERS = {"halv": (-1, 30), r"kvart\s+i": (-1, 45), r"kvart\s+över": (0, 15), r"kvart\s+efter": (0, 15),
                  r"fem\s+i": (-1, 55), r"tio\s+i": (-1, 50), r"tjugo\s+i": (-1, 40), r"fem\s+över": (0, 5),
                  r"tio\s+över": (0, 10), r"tjugo\s+över": (0, 20)}
CLOCK = {
    "range": [r"(?:kl|klockan)\.?\s*{T1}\s*(?:-|–|—|och|till)\s*{T2}", r"från\s+(?:kl\.?\s*|klockan\s+)?{T1}\s*(?:till|-|–)\s*(?:kl\.?\s*)?{T2}",r"mellan\s+(?:kl\.?\s*)?{T1}\s+och\s+{T2}",
              r"{T1}\s*(?:-|–)\s*{T2}"],
    "after": [r"efter\s+(?:kl|klockan)?\.?\s*{T1}", r"från\s+(?:kl|klockan)?\.?\s*{T1}", r"tidigast\s+(?:kl|klockan)?\.?\s*{T1}",
              r"{T1}\s*(?:->|→)", r"(?:kl|klockan)\.?\s*{T1}\s*(?:->|→)", r"(?:kl|klockan)\.?\s*{T1}\s+och\s+framåt"],
    "before": [r"(?:före|innan)\s+(?:kl|klockan)?\.?\s*{T1}", r"fram\s+till\s+(?:kl|klockan)?\.?\s*{T1}",
               r"senast\s+(?:kl|klockan)?\.?\s*{T1}"],
    "at": [r"(?:kl|klockan)\.?\s*{T1}", r"vid\s+{T1}", r"runt\s+(?:kl\.?\s*)?{T1}"],
}

# a day of the month as an ordinal in words ("den åttonde mars")
DAY_WORDS = {w: n for n, w in enumerate(
    ["första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte",
     "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde", "nittonde", "tjugonde", "tjugoförsta",
     "tjugoandra", "tjugotredje", "tjugofjärde", "tjugofemte", "tjugosjätte", "tjugosjunde", "tjugoåttonde",
     "tjugonionde", "trettionde", "trettioförsta"], 1)}
DAY_WORDS |= {"förste": 1, "andre": 2}  # the masculine forms, in dates too ("den förste mars")

DATE_PATTERNS = [
    r"(?:den\s+)?(?P<d>\d{1,2})(?::e|:a)?\s+(?P<mon>{MONTHS})\.?(?:\s+(?P<y>20\d\d))?",
    r"(?:den\s+)?(?P<dw>{DAYWORDS})\s+(?:i\s+)?(?P<mon>{MONTHS})",
]

WEEK_OF = [r"veckan\s+(?:med|då|som\s+börjar)\s+(?:den\s+)?(?P<d>\d{1,2})(?::e|:a)?\s+(?P<mon>{MONTHS})"]
DAY_OF_MONTH = [r"den\s+(?P<d>\d{1,2})(?::e|:a|e|a)?(?!\s*(?:{MONTHS})|[.:/]?\d)"]
NEGATION = [r"(?:är|blir)\s+(?:\w+\s+){0,2}fulla\s+(?:av|med)", r"har\s+(?:jag|vi)\s+(?:\w+\s+)?\w*(?:mottagning|lektioner|möten|möte|jour|patienter|kunder|klienter|undervisning)", r"(?:är|har)\s+(?:det\s+|vi\s+|jag\s+)?(?:höstlov|sportlov|jullov|semester)", r"på\s+semester", r"undantag\w*", r"nattskift\w*", r"nattpass\w*",
    r"(?:är|blir|har\s+varit)\s+ledig", r"inte", r"int",
    r"hämta\w*\s+(?:\w+\s+)?(?:barn\w*|dotter\w*|son\w*|ungar\w*)",  # "int" is Finland-Swedish speech for "inte"
    r"ej", r"icke", r"aldrig", r"ingen", r"inga", r"utom", r"förutom", r"fullbokad\w*", r"upptagen",
    r"upptagna", r"bortrest\w*", r"borta", r"på\s+semester", r"semester", r"tjänsteresa", r"resande", r"på\s+(?:konferens|kurs|utbildning)",
    r"omöjlig\w*", r"undvik\w*", r"sv\u00e5r\w*", r"krånglig\w*", r"fullt", r"krock\w*", r"kolliderar",
]
# a correction: what was said just before is taken back ("tisdag, nej förlåt, onsdag")
CORRECTION = [r"nej\s+förlåt", r"förlåt,?\s+jag\s+menar", r"jag\s+menar", r"nej\s+vänta", r"rättelse"]
# after "any day": the word that excepts what follows
BUT_EXCEPT = [r"utom", r"förutom"]
MEETING_LENGTH = {r"(?:i\s+|under\s+|ca\.?\s+)?(?:en\s+och\s+en\s+halv|en\s+och\s+halv|halvannan)\s+timm\w*": 90,
                  r"(?:i\s+|under\s+|ca\.?\s+)?en\s+timme": 60, r"(?:i\s+|under\s+|ca\.?\s+)?två\s+timmar": 120,
                  r"(?:i\s+|under\s+|ca\.?\s+)?en\s+halvtimme": 30,
                  r"(?:i\s+|under\s+|ca\.?\s+)?(?P<h>\d)\s*(?:h|tim|timmar|timme)": 0,
                  r"(?:i\s+|under\s+|ca\.?\s+)?(?P<m>\d{2,3})\s*min\w*": 0}
# a day said as a bound ("in crunch until the end of August, so … the first Monday of September") is no
# wish when the sentence names another day
# after a day, week or date: every day from the next one on ("efter vecka 5", "efter den 20 januari")
# "from … on" before a month ("med start i januari" stays January, CONTRACT §2.1.1)
FROM_ON_BEFORE = [r"från\s+och\s+med", r"fr\.\s?o\.\s?m\.?", r"fr\.o\.m"]
START_BEFORE = [r"med\s+start"]
# the words that may follow an hour written as a word ("efter tre på torsdag"; "efter ett tungt läsår" is no time)
HOUR_FOLLOWERS = """och eller till på i nästa denna idag imorgon passar går funkar fungerar skulle vore är kan blir men
    så om den senast tidigast prick framåt helst gärna kanske också med för""".split()
SESSIONS_ONE = [r"(?:en\s+enda|bara\s+en|endast\s+en|först\s+en)\s+(?:träff|gång|session)(?!\s+(?:i\s+månaden|per|i\s+veckan|kostar))"]
EVENT_ANCHOR = [r"efter\s+att\s+\w+", r"när\s+(?:\w+\s+){1,6}(?:är|har\s+\w+|blivit)\s+(?:klar\w*|över|avslutad\w*|avklarad\w*|slut|börjat|tillträtt|igång|färdig\w*|i\s+hamn|i\s+mål)",
                r"så\s+snart\s+(?!som\s+möjligt|det\s+går)\w+", r"efter\s+(?:omorganisation\w*|förhandling\w*|samarbetsförhandling\w*|sammanslagning\w*|flytt\w*|rekrytering\w*|bytet|renovering\w*)"]
EVENT_START = [r"börja\w*", r"start\w*", r"komma\s+igång", r"kör\w*\s+igång", r"första\s+(?:träff\w*|gång\w*|mötet)"]
AFTER_SPAN_BEFORE = [r"efter"]
AFTER_SPAN_AFTER = []
UNTIL_BEFORE = [r"fram\s+till", r"tills", r"till\s+och\s+med", r"ända\s+till"]
UNTIL_AFTER = []
# before a town in the same sentence: where the writer works, not where to meet ("I work as receptionist … in Rovaniemi")
# a town in the same sentence after one of these is where the writer travels, no place to meet
TRAVEL = [r"\w*resa\w*", r"reser", r"åker\s+till", r"konferens\w*", r"mässa\w*"]
WORKPLACE_BEFORE = [r"(?:ny\s+)?chef\s+(?:på|för|vid)", r"anställd\s+(?:på|vid|hos)", r"jobbar", r"arbetar", r"är\s+anställd", r"min\s+arbetsplats"]
# a cancel or move the writer says she does not want: "En halua perua aikaa turhaan"
# or one told as past ("vi fick ställa in mötena")
NOT_WANTED = [r"avbokade", r"(?:har|hade)\s+(?:redan\s+)?avbokat", r"(?:fick|var\s+tvungna\s+att|var\s+tvungen\s+att)\s+(?:\w+\s+)?(?:ställa\s+in|avboka|flytta)\s+(?:\w+\s+)?(?:möten|mötet|mötena|träffarna)", r"vill\s+inte\s+(?:\w+\s+)?(?:avboka|flytta)", r"behöver\s+inte\s+(?:\w+\s+)?avboka"]
# "otan yhteyttä uudesta ajasta myöhemmin", "koulutus, jota en voi siirtää": no move asked for now
LATER = [r"återkommer", r"hör\s+av\s+mig", r"bokar\s+(?:\w+\s+){0,3}(?:senare|själv)", r"(?:kan|går)\s+inte\s+(?:att\s+)?flytta\w*"]
# a sentence that begins so asks only for days after the ones said before it
AFTER_THAT = [r"efter\s+det", r"därefter", r"sedan\s+efter\s+det"]
# before a number range: school grades, not a clock ("åk 7–9", "luokat 7–9")
NOT_TIME_BEFORE = [r"åk", r"årskurs\w*", r"klass\w*", r"årskurserna", r"avdelning(?:en)?", r"avd\.?", r"våning(?:en)?", r"rum(?:met)?", r"hus"]
# a sentence that begins so excludes, as the one before it did ("Samoin torstaiaamupäivät.")
LIKEWISE = [r"likaså", r"samma\s+sak\s+med", r"samma\s+gäller", r"inte\s+heller", r"och\s+inte\s+heller"]
# a clause that tells another meeting's own schedule is neither a wish nor busy time, just context
OTHER_EVENT = [r"(?:läsåret|terminen|projektet|avtalet|säsongen|skolan|räkenskapsåret)\s+(?:slutar|börjar|tar\s+slut)", r"(?:\w*möte\w*|\w*gruppen|teamet)\s+(?:är|hålls|ligger|träffas|samlas)", r"träffas\s+(?:varje|varannan|alltid)"]
CONSEQUENCE = [r"då(?=\s+(?:går|passar|kan)(?!\w))", r"så", r"vilket", r"därför"]
GREETINGS = [r"glad\s+(?:fortsatt\s+)?\w+", r"trevlig\s+(?:fortsatt\s+)?\w+", r"trevlig\s+\w+", r"ha\s+en\s+(?:fin|trevlig|skön|bra)", r"god\s+(?:jul|fortsättning)"]
REASON = [r"resten\s+av\s+(?:veckan|månaden)\s+(?:är|går)", r"eftersom", r"då\s+(?:vi|jag|mina|våra|han|hon)(?!\w)", r"för\s+(?:då|det\s+är\s+då)", r"eftersom", r"därför\s+att", r"för\s+att", r"då\s+(?:vi|jag)"]
PAST = [r"har\s+haft", r"hade", r"haft", r"förra", r"hade", r"var", r"var\s+vi", r"började", r"började\w*", r"sedan", r"för\s+\w+\s+sedan",
        r"tidigare", r"senast", r"i\s+(?:måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags)", r"blev",
        r"hölls", r"ställdes\s+in"]
LAST = [r"förra", r"sedan", r"i\s+(?:måndags|tisdags|onsdags|torsdags|fredags)"]
BOOKED_REF = [r"tiden", r"tider", r"bokning\w*", r"träff\w*", r"möte\w*", r"handledningstid\w*", r"session\w*"]
BOOKED_BEFORE = [r"(?:jag|vi)\s+har\s+(?:en\s+|min\s+|vår\s+)?(?:\w+\s+){0,2}(?:handledning|tid|bokning|träff)\w*\s+(?:hos\s+er\s+|med\s+\w+\s+)?(?:på\s+|den\s+)?\x00", r"(?:min|vår|den\s+bokade)\s+(?:tid|bokning|träff|handledningstid)\w*\s+(?:på|den|i)?\s*\x00"]
ANY_TIME = [r"vilken(?=\s+(?:förmiddag|eftermiddag|kväll|morgon)\s+som\s+helst)", r"vilken\s+(?:vecko|vardag|)dag\s+som\s+helst", r"alla\s+dagar\s+(?:passar|går)", r"hela\s+dagen", r"vilken\s+tid\s+som\s+helst", r"när\s+som\s+helst", r"alla\s+tider\s+passar", r"helt\s+flexib\w*",
            r"flexibel\s+tid", r"(?:tiden|klockslaget|tidpunkten)\s+spelar\s+(?:ingen|mindre)\s+roll"]
ASAP = [r"så\s+snart\s+som\s+möjligt", r"så\s+fort\s+som\s+möjligt", r"snarast\w*", r"så\s+snart\s+det\s+går",
        r"första\s+lediga"]
HOLIDAYS = [r"när\s+(?:barnen|ungarna)\s+(?:har\s+)?(?:börjat|kommit\s+tillbaka\s+till|är\s+tillbaka\s+i)\s+skolan", r"när\s+skolan\s+(?:har\s+)?börja\w*", r"när\s+skola\w*\s+börjar", r"efter\s+skolstart\w*", r"skolstart\w*",
            r"samma\s+tid(?:\s+och\s+plats)?\s+som\s+(?:förra\s+gången|sist|senast|tidigare|förut)", r"(?:på\s+)?samma\s+tid\s+(?:veckan\s+efter|en\s+vecka\s+senare|nästa\s+vecka)", r"efter\s+helgerna", r"efter\s+helgen", r"efter\s+nyår\w*", r"över\s+helgerna", r"månadsskifte\w*", r"årsskifte\w*", r"påsk\w*", r"midsommar\w*", r"efter\s+jul\w*", r"före\s+jul\w*", r"kring\s+jul\w*", r"mellandag\w*",
            r"trettond\w*", r"sportlov\w*", r"höstlov\w*", r"jullov\w*", r"julledighet\w*", r"sommarsemester\w*", r"under\s+våren", r"i\s+v\u00e5r",
            r"nästa\s+vår", r"till\s+våren", r"i\s+höst", r"till\s+hösten", r"under\s+hösten", r"valborg\w*", r"mellan\s+jul(?:en|helgen)?\s+och\s+nyår\w*",
            r"(?:före|efter|innan|under|kring|runt)\s+(?:jul|julen|julhelgen|nyår\w*|trettondag\w*|påsk\w*|midsommar\w*)(?![a-zåäö])"]

NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20, "ett par": 2, "några": 3,
}
ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5}
CHOICE_NUMBERS = {
    "den senare": -1, "den senare tiden": -1, "det senare": -1, "den sistnämnda": -1, "den förra": 1,
    "den förstnämnda": 1, "den tidigare": 1, "den tidigare tiden": 1,
    "ettan": 1, "den första": 1, "första alternativet": 1, "nummer ett": 1, "tvåan": 2, "den andra": 2,
    "andra alternativet": 2, "nummer två": 2, "trean": 3, "den tredje": 3, "tredje alternativet": 3,
    "nummer tre": 3, "fyran": 4, "det sista": -1,
    **{f"{word} {noun}": n for word, n in (("första", 1), ("andra", 2), ("tredje", 3), ("sista", -1))
       for noun in ("alternativet", "tiden", "förslaget", "tidpunkten")}, "den sista": -1, "det första": 1, "det andra": 2, "det tredje": 3,
}
# a proposed time named by its hour in words: "tiden klockan elva", "den klockan tre"
CHOICE_HOUR = [r"(?:tiden|den|alternativet)\s+(?:klockan|kl\.?)\s*(?P<hw>{HW})", r"(?P<hw>{HW})-tiden"]
CHOICE_ANY = [r"vilken\s+som\s+helst", r"vilket\s+som\s+helst", r"båda\s+passar", r"alla\s+passar",
              r"vilken\s+av\s+dem\s+som\s+helst"]

INTENT = {
    "confirm": [r"passar", r"går\s+bra", r"funkar", r"fungerar", r"tar\s+(?:den|det|tiden)", r"väljer",
                r"bokar", r"låter\s+bra", r"blir\s+bra", r"är\s+bra"],
    "decline": [r"(?:alla\s+)?för\s+(?:tidiga|sena|tidigt|sent)", r"ingen\s+av", r"inget\s+av", r"inga\s+av", r"passar\s+(?:tyvärr\s+)?inte", r"passar\s+ingen",
                r"går\s+(?:tyvärr\s+)?inte", r"kan\s+(?:tyvärr\s+)?inte\s+(?:någon|några)", r"ingen\s+av\s+tiderna"],
    "cancel": [r"avboka\w*", r"avbeställ\w*", r"ställa\s+in", r"ställer\s+in", r"måste\s+avstå", r"stryka",
               r"annullera\w*", r"avbokning\w*"],
    "reschedule": [r"flytta(?!de\s+(?:hit|dit|hem|till|från|ut|in))\w*", r"boka\s+om", r"ombokning\w*", r"\u00e4ndra\s+(?:\w+\s+)?tid\w*", r"byta\s+(?:\w+\s+)?tid\w*",
                   r"flytta\s+(?:min|vår)\s+tid"],
    "request": [r"skulle\s+vilja", r"vill\s+boka", r"vill\s+gärna", r"skulle\s+behöva", r"behöver", r"önskar",
                r"boka", r"bokning", r"vill\s+ha", r"skulle\s+\w+\s+passa", r"kunde\s+\w+\s+(?:vara|passa)",
                r"tänker\s+oss", r"önskemål"],
    "question": [r"hur\s+fungerar\s+det", r"vem\s+betalar", r"under\s+(?:min\s+)?sjukledighet\w*", r"(?:kan|får)\s+(?:min|vår)\s+(?:kollega|arbetskamrat|chef)\w*\s+(?:\w+\s+)?(?:följa\s+med|komma\s+med|delta|vara\s+med)", r"pris\w*", r"kosta\w*", r"kostnad\w*", r"faktur\w*", r"e-faktur\w*", r"debiter\w*", r"vad\s+(?:är|innebär)",
                 r"remiss\w*", r"ingår", r"avtal\w*", r"moms", r"samma\s+sak\s+som"],
    "other": [r"nyhetsbrev\w*", r"avregistrera", r"webbinari\w*", r"rabatt\w*", r"erbjudande\w*", r"kampanj\w*"],
    "domain": [r"\w*handledning\w*", r"\w*handledare\w*", r"tid\w*", r"träff\w*", r"bokning\w*", r"möte\w*"],
}

SERVICE = {
    "individual": [r"individuell\w*", r"enskild\w*\s+handledning", r"individhandledning", r"egen\s+handledning"],
    "group": [r"grupphandledning\w*", r"teamhandledning\w*", r"arbetsplatshandledning\w*",
              r"arbetsgemenskapshandledning\w*", r"handledning\s+för\s+(?:vårt|hela)\s+(?:team|arbetsgemenskap|grupp)\w*",
              r"gruppens\s+handledning", r"teamets\s+handledning", r"(?:vårt|ert|hela)\s+teams\s+handledning\w*"],
    "leader": [r"ledarhandledning\w*", r"chefshandledning\w*", r"ledningshandledning\w*", r"handledning\s+för\s+chefer",
               r"ledningsgrupp\w*\s+handledning", r"handledning\s+för\s+ledare", r"chefhandledning\w*"],
    "individual_implied": [r"(?:bara|enbart|endast)\s+för\s+mig(?![\w-])", r"för\s+egen\s+del", r"för\s+mig\s+själv", r"för\s+min\s+egen\s+del", r"åt\s+mig\s+själv"],
    "group_implied": [r"(?:hela\s+)?vår\s+(?:enhet|avdelning|arbetsgrupp|personal)", r"hela\s+(?:enheten|avdelningen|personalen)", r"personalgrupp\w*", r"arbetsgrupp\w*", r"vi\s+i\s+\w+gruppen", r"vi\s+i\s+personalen", r"vårt\s+arbetslag", r"arbetslag\w*", r"handledning\s+tillsammans", r"vårt\s+team", r"för\s+teamet", r"hela\s+teamet", r"vår\s+grupp", r"arbetsgemenskap\w*",
                      r"vår\s+personal", r"hela\s+gruppen"],
    "leader_implied": [r"(?:ny|nybliven|nyutnämnd|nyanställd|färsk)\s+\w*chef", r"(?:ny|nybliven|nyutnämnd)\s+\w*ledare", r"befordrad\w*\s+till\s+\w*chef", r"ny\s+i\s+(?:min\s+)?chefsroll\w*", r"ledningsgrupp\w*", r"som\s+ny\s+(?:chef|ledare|förman)", r"blev\s+(?:\w+\s+)?(?:chef|ledare)",r"(?:jag\s+är|som)\s+(?:ny\s+)?(?:chef|ledare|förman)", r"ny\s+chef", r"vår\s+ledningsgrupp",
                       r"ledningsgruppen"],
}
MODE = {
    "remote": [r"på\s+distans", r"distans\w*", r"(?<!vårt\s)(?<!ert\s)(?<!mitt\s)(?<!ditt\s)(?<!hela\s)(?<!varje\s)teams\w*",  # not "vårt teams handledning" (the team's)
               r"zoom\w*", r"video\w*", r"online", r"digitalt",
               r"per\s+telefon", r"via\s+telefon", r"telefonledes", r"virtuell\w*", r"på\s+nätet"],
    "onsite": [r"på\s+plats", r"(?:träffa\w*|ske|hållas|komma|kom)\s+(?:\w+\s+)?hos\s+oss", r"(?:gärna|här|helst)\s+hos\s+oss", r"hos\s+oss\s+(?:på|i)\s+(?!(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|början|slutet|\d))", r"hit\s+till\s+oss", r"på\s+vårt\s+kontor", r"i\s+våra\s+lokaler", r"fysisk\w*\s+träff\w*", r"ansikte\s+mot\s+ansikte", r"på\s+plats", r"på\s+ert\s+kontor", r"ert\s+kontor", r"fysisk\w*", r"ansikte\s+mot\s+ansikte",
               r"närträff\w*", r"på\s+mottagningen", r"till\s+er", r"era\s+lokaler", r"i\s+era\s+lokaler", r"i\s+våra\s+(?:egna\s+)?(?:utrymmen|lokaler)",
               r"på\s+kontoret\s+i", r"ert\s+verksamhetsställe"],
}
MODE_EITHER = [r"spelar\s+ingen\s+roll", r"vilket\s+som", r"antingen\s+(?:på\s+)?(?:distans|plats|fysisk\w*|teams|digital\w*|video\w*|på\s+plats)\s+eller", r"antingen\s+\w+\s+eller\s+(?:på\s+)?(?:distans|plats|fysisk\w*|teams|digital\w*|video\w*)", r"både\s+och"]

CADENCE = {
    "weekly": [r"varje\s+vecka", r"en\s+gång\s+i\s+veckan", r"en\s+gång\s+per\s+vecka", r"veckovis", r"varje\s+veckan"],
    "biweekly": [r"var\s?annan\s+\w+dag\w*", r"varannan\s+vecka", r"var\s+annan\s+vecka", r"var\s+fjortonde\s+dag", r"varje\s+två\s+veckor",
                 r"med\s+två\s+veckors\s+mellanrum"],
    "monthly": [r"(?:en|ett)\s+(?:träff|gång|möte|tillfälle|session)\s+(?:i|per)\s+månad(?:en)?", r"en\s+gång\s+i\s+månaden", r"en\s+gång\s+per\s+månad", r"varje\s+månad", r"månatlig\w*",
                r"månadsvis"],
}
SESSIONS = [r"{N}\s*(?:\(\d+\)\s*)?(?:träffar|gånger|tillfällen|sessioner|möten|handledningstillfällen|handledningar)",
            r"(?:serie|omgång)\s+på\s+{N}"]
PARTICIPANTS = [r"vi\s+är\s+(?:nu\s+|numera\s+|totalt\s+|sammanlagt\s+|allt\s+som\s+allt\s+)?{N}(?!\s+\w*(?:gånger|träffar|veckor))", r"(?:team|grupp|arbetslag|gäng)\w*\s+på\s+{N}(?![\w]|[.:]\d)(?!\s*(?:kl|minuter|timmar|veckor|gånger|träffar))",r"(?:så\s+)?vi\s+blir\s+(?:totalt\s+|sammanlagt\s+)?{N}(?![\w]|[.:]\d)(?!\s*(?:kl|minuter|timmar|veckor|gånger|träffar))", r"{N}\s+(?:totalt|sammanlagt|allt\s+som\s+allt)(?![\w])",r"{N}\s+(?:\w+a\s+)?[^\W\d_]{3,}(?:are|arbetare|sköterskor|skötare|ledare|läkare|terapeuter|assistenter|pedagoger|kuratorer)(?![\w])", r"{N}\s*(?:\(\d+\)\s*)?(?:personer|deltagare|anställda|medarbetare|pers\.?|st\.?\s+personer|sjukskötare|"
                r"skötare|lärare|medlemmar|personal)",
                r"vi\s+är\s+{N}", r"(?:team|grupp)\w*\s*\({N}",
                r"vi\s+är\s+(?:nog|ungefär|cirka|ca\.?|kanske|väl)\s+(?:en\s+)?{N}(?:\s+st(?:ycken|\.)?)?", r"{N}\s+av\s+(?:våra|mina|oss)(?:\s+[^\W\d_]+){0,3}\s+(?:skulle|vill|önskar|behöver|deltar|kommer)(?![\w])"]
# after a head count: the people the writer leads, not who attends
# the writer and N others: N + 1 attend ("jag och fyra kollegor")
WITH_WRITER = [r"(?:jag|undertecknad)\s+(?:och|samt|\+)\s+{N}\s+(?:andra|kollegor|kolleger|medarbetare|arbetskamrater|[^\W\d_]{3,}(?:are|rer|ter|ger))(?![\w])"]
# a stated total is the count, whatever the parts before it
# a price right after a count of sessions: billed, not wanted ("tre tillfällen à 95 €")
PRICE_AFTER = [r"(?:à|á|@|a)\s*(?:€\s*)?\d+(?:[.,]\d+)?\s*(?:€|eur\w*|euro\w*)?", r"(?:för|till\s+ett\s+pris\s+av)\s+\d+(?:[.,]\d+)?\s*(?:€|euro\w*|eur)"]
TOTAL = [r"totalt(?:\s+cirka)?", r"sammanlagt", r"allt\s+som\s+allt", r"alltså"]
LEADS_AFTER = [r"att\s+leda", r"under\s+mig", r"som\s+jag\s+leder", r"som\s+rapporterar\s+till\s+mig"]
LEADS = [r"(?:skolan|företaget|organisationen|enheten)\s+har(?:\s+cirka|\s+ungefär)?",
         # "driver en liten reklambyrå … med fem anställda": the firm's size, not who attends
         r"\w*(?:byrå|företag|firma|butik|verkstad|bolag|rörelse|klinik|restaurang)\w*\s+(?:i\s+\w+\s+)?med(?:\s+cirka|\s+ungefär)?",
         r"leda", r"chef\s+för", r"leder", r"ansvarar\s+(?:\w+\s+)?för", r"är\s+chef\s+för", r"mina\s+medarbetare"]
SUPERVISOR_BEFORE = [r"hellre", r"berömde", r"tipsade\s+om", r"handledare\w*", r"med", r"hos", r"rekommenderade\w*", r"gärna"]
SUPERVISOR_AFTER = [r"(?:och\s+)?(?:berömde|rekommenderar|rekommenderade)\s+(?:henne|honom)", r"(?:och\s+)?(?:henne|honom)\s+(?:vill|skulle)", r"[–-]?\s*(?:kan|skulle)\s+jag\s+få\s+(?:henne|honom)", r"som\s+handledare", r"som\s+min\s+handledare"]

REVIEW = {
    "complaint": [r"rörde\s+(?:vid\s+)?mig", r"kommentar\w*\s+om\s+mitt\s+utseende", r"vill\s+inte\s+(?:längre\s+|mer\s+)?träffa\s+(?:henne|honom)", r"olämplig\w*", r"inte\s+lyssnar", r"kommit\s+(?:\w+\s+){0,3}för\s+sent", r"fungerar\s+(?:det\s+)?inte", r"inte\s+fått\s+ut\s+något", r"inte\s+(?:varit\s+)?(?:bra|nöjd)", r"dålig\w*\s+erfarenhet\w*", r"kom\s+för\s+sent", r"försen\w*", r"lyssnar\s+inte", r"byta\s+(?:\w+\s+)?handledare", r"(?:en\s+)?annan\s+handledare", r"ny\s+handledare", r"oprofessionell\w*", r"otrevlig\w*", r"fungerade\s+inte", r"missnöjd\w*", r"irriterad\w*", r"upprörd\w*", r"arg", r"besviken\w*", r"klagomål\w*", r"reklamation\w*", r"kreditera\w*", r"oacceptabel\w*",
                  r"felaktig\s+faktura"],
    "contact": [r"ringa\s+mig", r"ring\s+upp\s+mig", r"ringer\s+(?:ni\s+)?(?:mig|upp)", r"kan\s+ni\s+ringa", r"samtal\s+(?:med\s+)?mig", r"hör\s+av\s+dig", r"kontakta\s+(?:mig|oss)", r"ring\s+(?:mig|oss)", r"hör\s+av\s+er", r"ringa\s+upp"],
    "not_supervision": [r"\w*terapi\w*", r"\w*läkare\w*", r"psykiatri\w*", r"psykolog\w*",
                        r"\w*fysioterap\w*", r"ergonomi\w*", r"vaccin\w*", r"hälsokontroll\w*"],
    "several": [r"(?:båda|var\s+och\s+en)\s+(?:\w+\s+)?(?:sina\s+)?egna\s+(?:träffar|tider|möten)", r"två\s+(?:av\s+)?(?:våra\s+)?(?:medarbetare|anställda|kollegor)\w*\s+(?:\w+\s+)?önskemål", r"båda\s+(?:\w+\s+){0,3}(?:vill|önskar)\s+(?:\w+\s+){0,2}(?:egen|egna|individuell\w*)", r"var\s+för\s+sig", r"hållas\s+(?:isär|åtskilda|separata|var\s+för\s+sig)", r"var\s+sin\s+(?:egen\s+)?(?:grupp|handledning\w*)", r"separata\s+grupper"],
    "crisis": [r"(?:lättare|bättre|enklare)\s+(?:\w+\s+){0,3}om\s+jag\s+(?:\w+\s+){0,2}(?:försvann|försvinner|dog|vore\s+borta)",
               r"sover\s+knappt", r"(?:lättare|bättre|enklare)\s+(?:\w+\s+){0,3}om\s+jag\s+(?:\w+\s+){0,2}inte\s+(?:fanns|fanns\s+längre|vaknade|var\s+här)",
               r"ingen\s+(?:idé|mening)(?:\s+\w+){0,3}\s+längre", r"ingen\s+idé\s+(?:med\s+)?(?:något|någonting|att)", r"vad\s+är\s+poängen", r"orkar\s+inte\s+mer", r"orkar\s+inte", r"vill\s+inte\s+leva", r"ta\s+livet\s+av\s+mig", r"skada\s+mig\s+själv", r"inte\s+vaknade", r"inte\s+vakna", r"ingen\s+mening\s+med", r"lika\s+bra\s+om\s+jag", r"bättre\s+utan\s+mig", r"försvinna\s+för\s+gott", r"vill\s+dö", r"hopplös\w*", r"förtvivl\w*", r"kris\w*", r"utbränd\w*", r"bryter\s+ihop", r"gråter", r"självmord\w*", r"orkar\s+inte\s+(?:längre|leva)", r"ångest\w*", r"depression\w*", r"panik\w*",
               r"(?:har\s+)?inte\s+(?:\w+\s+)?sovit\s+(?:ordentligt|ordentlig|alls|på\s+(?:flera\s+)?(?:veckor|månader))", r"ingenting\s+känns\s+meningsfullt",
               r"kris\b", r"våld\w*", r"trakasser\w*"],
    "fee": [r"avbokningsavgift\w*", r"avgift\w*", r"kostar", r"faktur\w*", r"debiter\w*"],
}
# a wish to be phoned: the message is a question for a person, not a booking
# "Ennen päätöstä haluaisin tietää:" and a list: what follows is asked, with or without question marks
ASK_LIST = [r"(?:jag|vi)\s+(?:skulle\s+)?(?:vilja|vill)\s+veta(?:\s+\w+){0,3}\s*:", r"undrar\s+(?:jag|vi)(?:\s+\w+){0,3}\s*:"]
CALLBACK = [r"(?:kan|skulle)\s+ni\s+ringa(?:\s+upp)?\s+mig", r"ring(?:a)?\s+(?:upp\s+)?mig(?![\s,]+om)", r"ringer\s+(?:ni\s+)?(?:mig|upp)",
            r"vänligen\s+ring", r"önskar\s+(?:att\s+bli\s+)?uppringd", r"hör\s+av\s+er\s+per\s+telefon"]
# mail that asks for credentials or is a bill of another business: "other", whatever dates it carries
PHISHING = [r"verifiera\w*", r"bekräfta\s+ditt\s+konto", r"lösenord\w*", r"logga\s+in", r"klicka\s+(?:här|på\s+länken)",
            r"ditt\s+konto\s+(?:stängs|raderas|spärras)", r"lagringsutrymme\w*", r"e-postkonto\w*"]
INVOICE = [r"iban", r"bic", r"referensnummer\w*", r"förfallodag\w*", r"betalningsvillkor\w*", r"fakturanummer\w*",
           r"att\s+betala", r"dröjsmålsränta\w*", r"moms\s+\d"]
# before a clinician's title: the writer's or her team's job, not a booking of one
JOB_INTRO = [r"jag\s+är", r"jobbar\s+som", r"arbetar\s+som", r"vi\s+är", r"våra", r"vi\s+har"]
OUT_OF_OFFICE = [r"detta\s+är\s+ett\s+automatiskt\s+svar", r"jag\s+svarar\s+(?:när|efter|så\s+snart)", r"jag\s+är\s+(?:på\s+)?(?:semester|tjänstledig|föräldraledig|sjukledig|ledig)",
                 r"jag\s+är\s+på\s+tjänsteresa", r"tillbaka\s+på\s+kontoret", r"begränsad\s+tillgång\s+till\s+e-?post",
                 r"frånvarande", r"åter\s+(?:på\s+kontoret|i\s+tjänst)", r"automatiskt\s+svar", r"inte\s+på\s+kontoret"]
LANGUAGE_NAMES = {"fi": [r"på\s+finska", r"finskspråkig\w*"], "sv": [r"på\s+svenska", r"svenskspråkig\w*"],
                  "en": [r"på\s+engelska", r"engelskspråkig\w*"],
                  # a language we have no supervisors for: staff answer
                  "es": [r"på\s+spanska"], "ru": [r"på\s+ryska"], "et": [r"på\s+estniska"], "de": [r"på\s+tyska"],
                  "fr": [r"på\s+franska"], "ar": [r"på\s+arabiska"], "so": [r"på\s+somaliska"], "uk": [r"på\s+ukrainska"]}
