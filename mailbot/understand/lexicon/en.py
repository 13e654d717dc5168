"""English."""

STOPWORDS = [
    "the", "and", "i", "is", "to", "for", "we", "you", "would", "be", "hi", "thanks", "on", "at", "of", "in",
    "my", "me", "our", "us", "it", "a", "an", "with", "this", "that", "can", "could", "like", "please", "am",
    "are", "will", "work", "works", "best", "regards", "dear", "hello", "have", "would", "should", "if", "or",
    "but", "not", "week", "time", "session", "sessions", "supervision", "thank", "your",
]

# words that change no time beside them: function words, the writer and the reader, and the booking's own
# verbs and nouns. A word beside a time that is none of these and no word of this lexicon ("asiakaskäynneillä
# 9–11", "when the kids are at school") may change what the time means, and staff read it (leftovers.py)
PLAIN_WORDS = """
    i me my you your he him his she her we us our they them their it its this that these those which who what
    when where whichever any anything some all both either and or but so because if as than then also too only
    just still already really very ideally preferably best better good fine great perfect okay ok a an the of
    on in at to for with by from about around here there be is are am was were been being m s re ve d ll do
    does did don t would could can will shall should might must work works suit suits fit fits available free
    possible session sessions meeting meetings appointment appointments slot slots time times day days whole
    start begin first prefer like want need book booking please thanks thank not no instead look looks looking
    hi hello regards i'm i've i'd i'll it's that's she's he's we're we've we'd we'll they're there's what's
    let's can't don't won't isn't aren't couldn't wouldn't meet come between how now though sometime try well
    mostly fully out apart during maybe perhaps probably neither otherwise anywhere anytime calendar calendars
    diary schedule excellent lovely suitable convenient primarily alternatively
    somewhere sometime around roughly approximately example
""".split()

WEEKDAYS = {
    0: [r"mondays?"], 1: [r"tuesdays?"], 2: [r"wednesdays?"], 3: [r"thursdays?"], 4: [r"fridays?"],
    5: [r"saturdays?"], 6: [r"sundays?"],
}
WEEKDAY_ABBR = {0: ["mon"], 1: ["tue", "tues"], 2: ["wed"], 3: ["thu", "thur", "thurs"], 4: ["fri"],
                5: ["sat"], 6: ["sun"]}
# every working day, Monday to Friday
WORKDAYS = [r"(?:on\s+|any\s+|all\s+)?weekdays?", r"(?:on\s+|any\s+)?(?:working|work|business)\s+days?", r"workdays?"]
FOLLOWING = [r"(?:the\s+)?following", r"(?:the\s+)?subsequent"]
EVERY_OTHER = [r"every\s+(?:other|second|alternate)", r"alternate"]
FROM_AFTER = [r"onwards?", r"and\s+onwards?", r"on(?![ \t]+\w)"]  # "from the 7th on", not "week 5 on Tuesday"
FROM_BEFORE = [r"from", r"starting(?:\s+from|\s+on)?", r"beginning(?:\s+on)?", r"as\s+of", r"commencing"]
HABITUAL_BEFORE = [r"every\s+(?:other|second|alternate)", r"alternate", r"every", r"each", r"all", r"any"]
HABITUAL = [r"(?:morning|afternoon|evening)s", r"\w+days", r"every\s+\w+", r"on\s+\w+days", r"all\s+\w+days", r"each\s+\w+"]

MONTHS = {
    1: [r"january", r"jan"], 2: [r"february", r"feb"], 3: [r"march", r"mar"], 4: [r"april", r"apr"], 5: [r"may"],
    6: [r"june", r"jun"], 7: [r"july", r"jul"], 8: [r"august", r"aug"], 9: [r"september", r"sept?"],
    10: [r"october", r"oct"], 11: [r"november", r"nov"], 12: [r"december", r"dec"],
}
# the first part of a suspended compound (Finnish has them: "maalis–huhtikuu")
MONTH_STEMS: dict[str, int] = {}
MONTH_PART = {
    "early": [r"early", r"(?:the\s+)?(?:beginning|start)\s+of", r"early\s+in"],
    "mid": [r"mid-?", r"(?:the\s+)?middle\s+of", r"halfway\s+through"],
    "late": [r"late", r"(?:the\s+)?end\s+of", r"late\s+in"],
    "first_weeks": [r"(?:the\s+)?first\s+(?:two|2|couple\s+of)\s+weeks\s+(?:of|in)"],
    "last_week": [r"(?:the\s+)?last\s+week\s+(?:of|in)"],
    # "the first week of February": the week of the 1st, or the next one when the month starts late in a week
    "week1": [r"(?:the\s+)?(?:first|1st)\s+(?:full\s+)?week\s+(?:of|in)"],
    "week2": [r"(?:the\s+)?(?:second|2nd)\s+week\s+(?:of|in)"],
    "week3": [r"(?:the\s+)?(?:third|3rd)\s+week\s+(?:of|in)"],
    "week4": [r"(?:the\s+)?(?:fourth|4th)\s+week\s+(?:of|in)"],
}

DAY_PARTS = {
    "morning": [r"before\s+lunch\w*", r"(?:until|till|up\s+to)\s+lunch\w*", r"mornings?", r"in\s+the\s+morning", r"a\.?m\.?\s+hours"],
    "midday": [r"(?:around|about|at)\s+midday", r"midday", r"mid-day", r"around\s+lunch\w*", r"lunchtime", r"lunch\s+time", r"at\s+lunch", r"noon\s*time",
               r"around\s+noon", r"middle\s+of\s+the\s+day"],
    "afternoon": [r"afternoons?", r"after\s+lunch", r"post[\s-]+lunch"],
    "evening": [r"evenings?", r"after\s+work", r"after\s+office\s+hours", r"after\s+hours"],
}
# after a part of the day: it describes a thing, not a time ("evening shifts", "the morning check-outs")
DAYPART_NOUNS = [r"shifts?", r"check-?\w+", r"meetings?", r"stand-?ups?", r"rounds?", r"rush", r"routines?", r"people",
                 r"team", r"handovers?", r"reports?", r"care", r"classes", r"class", r"news", r"coffee", r"traffic", r"person"]
# before a part of the day: it belongs to a day named before ("that morning"), not to every day
THAT_DAY = [r"that", r"the\s+same", r"on\s+that"]
DAY_PART_STEMS = {"morning": ["morning"], "afternoon": ["afternoon"], "evening": ["evening"]}

# words that name a time but that no rule reads: left over, they send the message to staff
TIME_WORDS = [r"weekends?", r"weekdays?", r"mornings?", r"afternoons?", r"evenings?", r"noon", r"tonight", r"today",
              r"tomorrow", r"midday", r"lunch\w*", r"o'clock"]

# today or tomorrow with a part of the day: "tonight" = today 16–20
REL_DAY_PARTS = {"0 morning": [r"this\s+morning"], "0 afternoon": [r"this\s+afternoon"],
                 "0 evening": [r"this\s+evening", r"tonight"], "1 morning": [r"tomorrow\s+morning"],
                 "1 afternoon": [r"tomorrow\s+afternoon"], "1 evening": [r"tomorrow\s+(?:evening|night)"]}
REL_DAYS = {"0": [r"today"], "1": [r"tomorrow"], "2": [r"(?:the\s+)?day\s+after\s+tomorrow"]}

WEEK_WORDS = {
    "this": [r"this\s+week", r"later\s+this\s+week", r"the\s+rest\s+of\s+this\s+week"],
    "next": [r"next\s+week\w*", r"the\s+coming\s+week", r"coming\s+week"],
    # the week after the one said before ("next week …, or any time the following week"), else next week
    "following": [r"the\s+following\s+week", r"the\s+week\s+after(?!\s+(?:the\s+)?next)(?=\s*(?:[,.;!?]|$|instead|would|works|is|could))", r"the\s+week\s+after\s+(?:it|that)(?![\w])"],
    "after_next": [r"the\s+week\s+after\s+the\s+next",r"the\s+week\s+after\s+next", r"week\s+after\s+next"],
    "same": [r"the\s+same\s+week", r"that\s+(?:same\s+)?week"],
    "number": [r"(?:week|wk|w)\.?\s*(?P<n>\d{1,2})(?!\d|\.\d)"],
    "in_n": [r"in\s+(?P<n>a\s+couple\s+of|a\s+few|\w+)\s+weeks?(?:'|’)?(?:\s+time)?", r"(?P<n>\w+)\s+weeks?\s+from\s+now"],
}
# a part of the week meant (this week unless another is named): "end of the week" → Thursday–Friday
WEEK_PART = {"early": [r"(?:the\s+)?(?:beginning|start)\s+of\s+(?:the|this)\s+week", r"early\s+in\s+the\s+week"],
             "late": [r"(?:towards\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+week", r"late\s+in\s+the\s+week"],
             "rest": [r"(?:the\s+)?remainder\s+of\s+(?:the|this)\s+week", r"(?:the\s+)?rest\s+of\s+(?:this|the)\s+week",
                      r"(?:during|in)\s+the\s+rest\s+of\s+the\s+week"]}
# "the second Wednesday of January", "the last Thursday of the month"
NTH = {1: [r"first", r"1st"], 2: [r"second", r"2nd"], 3: [r"third", r"3rd"], 4: [r"fourth", r"4th"], -1: [r"last", r"final"]}
MONTH_REF = {"any": [r"the\s+month", r"each\s+month", r"every\s+month"], "this": [r"this\s+month"], "next": [r"next\s+month"]}
NTH_WEEKDAY = [r"(?:on\s+)?(?:the\s+)?(?P<nth>{NTH})\s+(?P<w1>{WD})\s+(?:of|in)\s+(?P<mref>{MREF}|{MONTHS})"]
# before a weekday or its range: every week ("every week Tuesday to Thursday")
# said of a weekday anywhere in its sentence, it is every such day: "ti–to on yleensä vapaata"
USUALLY = [r"usually", r"normally", r"generally", r"typically", r"as\s+a\s+rule"]
EVERY_WEEK = [r"every\s+week", r"each\s+week", r"weekly", r"every", r"each"]
# in N days: "in five days" = today + 5
IN_DAYS = [r"in\s+(?P<n>\w+)\s+days?(?:'|’)?(?:\s+time)?", r"(?P<n>\w+)\s+days\s+from\s+now"]
# next calendar year, from 1 January
NEXT_YEAR = [r"next\s+year", r"in\s+the\s+new\s+year", r"early\s+next\s+year", r"from\s+january\s+on(?:wards)?"]
# words for a week before its number, for lists of weeks ("weeks 9 and 10")
WEEK_NOUNS = [r"weeks?", r"wks?\.?"]
# a day counted from another day or event: left unread, a time not understood
TIME_NOUNS = [r"(?:the\s+)?days?\s+(?:after|before)(?!\s+tomorrow)(?!\s+yesterday)",
              r"in\s+(?:a\s+)?{N}\s+(?:weeks?|days?|months?)", r"{N}\s+(?:weeks?|days?|months?)\s+(?:from\s+now|later)",
              r"(?:{N}\s+|half\s+an\s+)?hours?\s+(?:later|earlier)"]
EVERY_N = [r"every\s+{N}\s+(?:{W}|months?)", r"{N}\s+(?:{W}|months?)\s+apart"]  # a rhythm: "every three weeks"
MONTH_WORDS = {"this": [r"this\s+month", r"later\s+this\s+month"], "next": [r"next\s+month", r"the\s+coming\s+month"]}

# hours in words ("at nine", "at noon")
HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "noon": 12}
# a clock time in another time zone than Finland's ("3pm UK time"): staff convert it
EVENT_AFTER_MONTH: list[str] = []  # English puts the event noun after "our" ("our September workshop")
AT_WORK = [r"(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:\w+\s+)?at\s+work", r"(?:i|we)\s+(?:am|are\s+)?working(?!\s+(?:on|with|as))"]
OTHER_ZONE = [r"(?:uk|british|london|swedish|stockholm|central\s+european|german|us|eastern|pacific|central|mountain|new\s+york|indian|india|irish|dublin)\s+(?:standard\s+)?time",
              r"(?:cet|cest|gmt|utc|bst|est|edt|cst|pst|pdt)(?:\+\d+)?"]
MINUTE_WORDS = {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "forty five": 45,
                "fifty": 50}  # "ten thirty"
HOUR_AT: dict[str, int] = {}
HOUR_FROM: dict[str, int] = {}
HOUR_TO: dict[str, int] = {}
# a phrase before an hour that moves it: "quarter to three" = 14.45, "half past ten" = 10.30
HOUR_MODIFIERS = {r"half\s+past": (0, 30), r"(?:a\s+)?quarter\s+to": (-1, 45), r"(?:a\s+)?quarter\s+past": (0, 15),
                  "half": (0, 30), r"(?:a\s+)?quarter\s+after": (0, 15), r"five\s+to": (-1, 55), r"ten\s+to": (-1, 50),
                  r"twenty\s+to": (-1, 40), r"five\s+(?:past|after)": (0, 5), r"ten\s+(?:past|after)": (0, 10),
                  r"twenty\s+(?:past|after)": (0, 20)}
CLOCK = {
    "range": [r"between\s+{T1}\s+and\s+{T2}", r"from\s+{T1}\s+(?:to|until|till)\s+{T2}", r"{T1}\s*(?:-|–|—)\s*{T2}",
              r"{T1}\s+(?:to|until|till)\s+{T2}"],
    "after": [r"after\s+{T1}", r"later\s+than\s+{T1}", r"from\s+{T1}\s+(?:on(?:wards)?|forward)", r"any\s+time\s+after\s+{T1}", r"from\s+{T1}",
              r"no\s+earlier\s+than\s+{T1}", r"not\s+before\s+{T1}", r"{T1}\s*(?:->|→|onwards)", r"starting\s+(?:at\s+)?{T1}"],
    "before": [r"before\s+{T1}", r"until\s+{T1}", r"no\s+later\s+than\s+{T1}", r"by\s+{T1}", r"not\s+after\s+{T1}",
               r"at\s+the\s+latest\s+(?:by\s+)?{T1}"],
    "at": [r"at\s+{T1}", r"{T1AP}", r"around\s+{T1}", r"{T1}\s+o'clock"],
}

# a day of the month as an ordinal in words ("the eighth of March", "March twenty-first")
_ORD_EN = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_WORDS = {w: n for n, w in enumerate(_ORD_EN + ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                                  "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)}
DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for n, w in enumerate(_ORD_EN, 1) for sep in ("-", " ")})
DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})

DATE_PATTERNS = [
    r"(?P<mon>{MONTHS})\.?\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+(?P<y>20\d\d))?",
    r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTHS})\.?(?:,?\s+(?P<y>20\d\d))?",
    r"(?:the\s+)?(?P<dw>{DAYWORDS})\s+(?:of\s+)?(?P<mon>{MONTHS})",
    r"(?P<mon>{MONTHS})\s+(?:the\s+)?(?P<dw>{DAYWORDS})(?![\w-])",
]

WEEK_OF = [r"(?:the\s+)?week\s+(?:of|starting|beginning|commencing)\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTHS})",
           r"(?:the\s+)?week\s+(?:of|starting|beginning|commencing)\s+(?P<mon>{MONTHS})\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"]
# "on the 12th"; a bare ordinal where a day is named: "Fri 16th after 2", "the 20th or 21st"
DAY_OF_MONTH = [r"(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)(?!\s+(?:of\s+)?(?:{MONTHS}))",
                r"(?<![\w/.,:-])(?P<d>\d{1,2})(?:st|nd|rd|th)(?!\s+(?:of\s+)?(?:{MONTHS}))"
                r"(?=\s*(?:[.,;:!?)]|$|(?:or|and|at|after|before|from|between|in|is|works?|would|would|suits?)(?![\w])))"]
NEGATION = [r"(?:is|are)\s+(?:\w+\s+)?(?:taken\s+up|full\s+of|filled\s+with|booked\s+(?:up|with))", r"(?:i|we)\s+(?:always\s+|usually\s+)?have\s+(?:my\s+|our\s+)?(?:\w+\s+)?(?:clinic|classes|lessons|meetings|patients|surgery|rounds|customers|clients|customer\s+visits)", r"(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:\w+\s+){0,2}(?:in|at|on)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:prep|training|court|trial|conference|course|seminar|duty|call|shifts?|trip|travels?|leave|holiday|vacation)(?![\w])",
    r"tied\s+up", r"avoid\w*",
    # "at the afternoons I am picking my child from kindergarten": fetching the children is busy
    r"(?:pick(?:ing)?|fetch(?:ing)?|collect(?:ing)?)\s+(?:up\s+)?(?:my|our|the)\s+(?:\w+\s+)?(?:child|children|kids?|son|daughter)", r"exception", r"on\s+(?:night|evening|late|early|double)\s+shifts?", r"apart\s+from", r"aside\s+from", r"(?:are|is)\s+(?:unfortunately\s+|sadly\s+)?out",
    r"not", r"\w+n't", r"cannot", r"can't", r"won't", r"no(?!-)", r"never", r"except", r"unavailable", r"away",
    r"travell?ing", r"on\s+(?:holiday|vacation|leave)", r"out\s+of\s+(?:the\s+)?office", r"booked\s+up",
    r"fully\s+booked", r"busy", r"at\s+a\s+(?:\w+\s+)?(?:conference|course|training|seminar|fair|workshop)",
    r"clash\w*", r"conflicts?", r"on\s+a\s+(?:course|trip)", r"impossible", r"difficult", r"hard\s+for\s+me", r"off", r"none",
]
# a correction: what was said just before is taken back ("Tuesday, sorry, I mean Wednesday")
CORRECTION = [r"(?:sorry,?\s+)?i\s+mean", r"no\s+wait", r"correction", r"scratch\s+that"]
# after "any day": the word that excepts what follows ("any day but Fridays")
BUT_EXCEPT = [r"but", r"except"]
MEETING_LENGTH = {r"(?:for\s+)?(?:about\s+)?(?:an?|one)\s+hour\s+and\s+a\s+half": 90,
                  r"(?:for\s+)?(?:about\s+)?(?:one\s+and\s+a\s+half|1\.5)\s+hours?": 90,
                  r"(?:for\s+)?(?:about\s+)?(?:an|one)\s+hour": 60, r"(?:for\s+)?(?:about\s+)?two\s+hours": 120,
                  r"(?:for\s+)?(?:about\s+)?half\s+an\s+hour": 30,
                  r"(?:for\s+)?(?:about\s+)?(?P<h>\d)\s*(?:h|hrs?|hours?)": 0,
                  r"(?:for\s+)?(?:about\s+)?(?P<m>\d{2,3})\s*min\w*": 0}
# a day said as a bound ("in crunch until the end of August, so … the first Monday of September") is no
# wish when the sentence names another day
# after a day, week or date: every day from the next one on ("after week 5", "after January 20th")
# "from … on" before a month ("starting in February" stays February, CONTRACT §2.1.1)
FROM_ON_BEFORE = [r"as\s+of"]
# a verb of starting before a week names the week to start in, not a span from it ("starting next week")
START_BEFORE = [r"starting", r"beginning", r"commencing"]
# the words that may follow an hour written as a word ("after two on Friday"); any other word makes it a number of
# something ("after one session"), which is no time
HOUR_FOLLOWERS = """and or to till until through on in at the this next tomorrow today tonight would works work suits
    suit is are could should will can fine ok okay please if but so then every each latest earliest sharp onwards
    onward later before after as also too best preferably ideally maybe perhaps for thirty fifteen forty""".split()
SESSIONS_ONE = [r"(?:just|only)\s+one\s+(?:session|meeting|visit)(?!\s+(?:a|per|each|every|costs?))", r"a\s+single\s+(?:session|meeting|visit)",
                r"one\s+(?:session|meeting)\s+(?:to\s+(?:start|begin|try)|first)"]
EVENT_ANCHOR = [r"once\s+(?:the|our|my|we|they|he|she|it)(?!\w)", r"as\s+soon\s+as\s+(?!possible|you|we\s+can)\w+",
                r"when\s+(?:the|our|my)\s+(?:\w+\s+){0,4}(?:starts|has\s+started|is\s+over|ends|has\s+ended|is\s+done|is\s+finished|begins|is\s+in\s+place|joins|has\s+joined|arrives)",
                r"after\s+(?:the|our|my)\s+(?:\w+\s+)?(?:reorgani[sz]ation|restructuring|negotiations?|merger|move|relocation|recruitment|renovation|launch|migration|changes?|layoffs?)"]
EVENT_START = [r"start\w*", r"begin\w*", r"kick\s+off", r"get\s+going", r"first\s+(?:session|meeting|visit)"]
AFTER_SPAN_BEFORE = [r"after", r"any\s+time\s+after"]
AFTER_SPAN_AFTER = []
UNTIL_BEFORE = [r"until", r"till", r"up\s+to", r"through"]
UNTIL_AFTER = []
# before a town in the same sentence: where the writer works, not where to meet ("I work as receptionist … in Rovaniemi")
# a town in the same sentence after one of these is where the writer travels, no place to meet
TRAVEL = [r"\w*trip", r"travel\w*", r"flying", r"conference", r"sent\s+(?:on|to)", r"away\s+(?:in|at)"]
WORKPLACE_BEFORE = [r"(?:manager|head|director|lead|leader|supervisor|nurse|teacher)\s+(?:at|in)", r"i\s+work", r"we\s+work", r"working\s+(?:as|at|in|for)", r"i'?m\s+(?:employed|based)", r"employed\s+(?:at|by|in)", r"my\s+workplace"]
# a cancel or move the writer says she does not want: "En halua perua aikaa turhaan"
# or one told as past ("we had to cancel our team meetings twice")
NOT_WANTED = [r"(?:i|we)\s+(?:already\s+)?cancell?ed", r"(?:had|have|has)\s+(?:already\s+)?(?:been\s+)?cancell?ed", r"had\s+to\s+(?:cancel|move|postpone)", r"(?:were|was)\s+(?:cancelled|canceled|postponed)", r"(?:don't|do\s+not|wouldn't|would\s+not)\s+(?:want|like)\s+to\s+(?:cancel|move|reschedule)", r"no\s+need\s+to\s+cancel"]
# "otan yhteyttä uudesta ajasta myöhemmin", "koulutus, jota en voi siirtää": no move asked for now
LATER = [r"get\s+back\s+to\s+you", r"be\s+in\s+touch", r"(?:re)?book\s+(?:\w+\s+){0,3}(?:later|myself)", r"let\s+you\s+know", r"(?:can't|cannot|can\s+not)\s+(?:be\s+)?(?:move|moved|reschedul\w*)"]
# a sentence that begins so asks only for days after the ones said before it
AFTER_THAT = [r"after\s+that", r"thereafter", r"from\s+then\s+on"]
# before a number range: school grades, not a clock ("åk 7–9", "luokat 7–9")
NOT_TIME_BEFORE = [r"grades?", r"years?", r"classes", r"form", r"key\s+stage", r"ward", r"unit", r"floor", r"room", r"building"]
# a sentence that begins so excludes, as the one before it did ("Samoin torstaiaamupäivät.")
LIKEWISE = [r"likewise", r"same\s+(?:goes|with|for)", r"the\s+same\s+(?:goes|applies)", r"nor", r"neither", r"also\s+not"]
# a clause that tells another meeting's own schedule is neither a wish nor busy time, just context:
# "our sprint review is every other Friday", "the board meets on Mondays"
OTHER_EVENT = [r"(?:we|i)\s+have\s+(?:a\s+|our\s+|the\s+)?(?:daily|weekly|morning)?\s*(?:stand-?ups?|meetings?|dailies|daily|retros?|check-?ins?|huddles?)(?!\w)",r"(?:school\s+year|term|semester|project|contract|season|fiscal\s+year)\s+(?:ends|starts|begins|finishes)", r"(?:meetings?|review|stand-?ups?|daily|retro(?:spective)?s?|board|committee)\s+(?:is|are|takes\s+place|happens?|meets?)"]
CONSEQUENCE = [r"then(?=\s+(?:not|nothing|no)(?!\w))", r"so", r"which", r"therefore", r"that's\s+why"]
GREETINGS = [r"happy\s+\w+(?:\s+\w+)?[!.]?$", r"have\s+a\s+(?:nice|good|great|lovely|wonderful)", r"enjoy\s+(?:your|the)",
             r"^good\s+(?:morning|afternoon|evening)[\s,!.]*$"]  # the salutation alone, not "…Tuesday morning"
REASON = [r"the\s+rest\s+of\s+(?:the|my|our)\s+(?:week|month|days?)\s+(?:is|are)", r"when\s+(?:i|we)\s+(?:have|work|teach)", r"when\s+(?:i'm|we're|i\s+am|we\s+are)\s+(?:busy|at|in|on|away|teaching)", r"as\s+(?:i'm|we're|i've|we've|my|our|the|most|all)(?!\w)", r"since\s+(?:my|our|the|most|two|both|all|i'm|we're)(?!\w)", r"given\s+that", r"that's\s+when", r"as\s+(?:that's|that\s+is|it's|it\s+is|this\s+is|those\s+are|these\s+are)(?!\w)", r"because", r"since\s+(?:i|we)", r"as\s+(?:i|we)\s+(?:have|travel|am|are|will)", r"due\s+to"]
PAST = [r"(?<!the\s)last\s+(?:week|month|year|time|spring|summer|autumn|fall|winter|session|meeting|\w+day)(?!\s+of)",
        r"ago", r"was(?!\s+(?:thinking|wondering|hoping|planning|going\s+to))", r"were(?!\s+(?:thinking|wondering|hoping|planning|going\s+to))", r"had", r"started", r"began", r"ended", r"finished", r"completed", r"attended", r"took\s+place", r"moved", r"promoted", r"did", r"went",
        r"previously", r"earlier\s+this\s+year", r"used\s+to", r"'ve\s+been", r"have\s+been"]
LAST = [r"last", r"past", r"previous", r"since"]
BOOKED_REF = [r"appointment\w*", r"booking\w*", r"session\w*", r"meeting\w*"]  # "…25, any time" is a wish
BOOKED_BEFORE = [r"(?:i|we)\s+(?:have|'ve\s+got|am\s+booked\s+for)\s+(?:an?\s+|my\s+|our\s+)?(?:\w+\s+){0,2}(?:session|appointment|supervision|booking|meeting)\s+(?:with\s+(?:you|\w+)\s+)?(?:on\s+|at\s+)?(?:the\s+)?\x00", r"(?:my|our|the)\s+(?:appointment|session|booking|meeting|time)\s+(?:on|at|for)?\s*\x00"]
ANY_TIME = [r"any(?=\s+(?:morning|afternoon|evening|weekday|working\s+day)s?(?!\w))", r"all\s+day", r"the\s+whole\s+day", r"any\s*time(?!\s+(?:after|before|between|from))", r"whenever", r"any\s+day", r"completely\s+flexible",
            r"fully\s+flexible", r"any\s+slot", r"the\s+time\s+(?:of\s+day\s+)?(?:doesn't|does\s+not|don't)\s+matter"]
ASAP = [r"as\s+soon\s+as\s+possible", r"asap", r"at\s+the\s+earliest", r"earliest\s+(?:possible|available)",
        r"first\s+available", r"soonest"]
HOLIDAYS = [r"(?:once|when|after)\s+(?:the\s+|my\s+|our\s+)?(?:kids|children)\s+(?:are\s+)?(?:back\s+(?:at|in|to)\s+school|go\s+back\s+to\s+school|start\s+school)", r"(?:once|when|after)\s+(?:the\s+)?schools?\s+(?:starts?|begins?|opens?|(?:are|is)\s+back)",
            r"(?:the\s+)?same\s+(?:time|day|slot)(?:\s+and\s+place)?\s+as\s+(?:last\s+time|before|previously|the\s+last\s+\w+)", r"(?:at\s+)?the\s+same\s+time\s+(?:the\s+|a\s+|one\s+)?(?:week|day)\s+(?:after|later)", r"(?:after|before|over|during|around)\s+the\s+holidays", r"(?:ski|winter|spring|autumn|half-term|easter|christmas|summer)\s+(?:holidays?|break|vacation)", r"(?:after|before)\s+the\s+(?:christmas|new\s+year|easter)\w*", r"festive\s+season", r"holiday\s+season", r"turn\s+of\s+the\s+(?:month|year)", r"easter\w*", r"midsummer\w*", r"(?:after|before|around|over)\s+christmas", r"christmas\s+holidays?",
            r"(?:after|before)\s+new\s+year\w*", r"between\s+christmas\s+and\s+(?:the\s+)?new\s+year\w*",
            r"(?:over|around|during|before|after)\s+(?:the\s+)?(?:christmas|xmas|new\s+year)\w*", r"(?:in\s+)?early\s+new\s+year", r"epiphany", r"ski\s+(?:holiday|break|week)",
            r"(?:after|before|during|over)\s+(?:the\s+)?(?:autumn|winter|spring|summer|easter|christmas|school)\s+(?:holidays?|break|vacation)", r"half[-\s]term",
            r"(?:next|this|in\s+the)\s+spring", r"(?:next|this|in\s+the)\s+autumn", r"(?:next|this)\s+summer",
            r"in\s+the\s+fall", r"bank\s+holiday"]

NUMBERS = {"a": 1, "an": 1,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
CHOICE_NUMBERS = {
    "the first one": 1, "first one": 1, "first option": 1, "option one": 1, "number one": 1, "the first slot": 1,
    "the second one": 2, "second one": 2, "second option": 2, "option two": 2, "number two": 2, "the second slot": 2,
    "the third one": 3, "third one": 3, "third option": 3, "option three": 3, "number three": 3, "the third slot": 3,
    "the last one": -1, "last one": -1, "the last option": -1, "the latter": -1, "the later one": -1,
    "the former": 1, "the earlier one": 1,
    **{f"the {word} {noun}": n for word, n in (("first", 1), ("second", 2), ("third", 3), ("last", -1))
       for noun in ("time", "date", "suggestion", "proposal")},
}
# a proposed time named by its hour in words: "the one at eleven", "the eleven o'clock"
CHOICE_HOUR = [r"(?:the\s+)?(?:one|slot|time|option)\s+at\s+(?P<hw>{HW})", r"(?:the\s+)?(?P<hw>{HW})\s+o'clock"]
CHOICE_ANY = [r"either\s+(?:one|of\s+them|is\s+fine|works)", r"any\s+of\s+(?:them|those|these)", r"both\s+work",
              r"all\s+(?:of\s+them\s+)?work", r"whichever"]

INTENT = {
    "confirm": [r"works?", r"suits?", r"fine", r"good", r"perfect", r"great", r"i'll\s+take", r"i\s+will\s+take",
                r"let's\s+go\s+with", r"go\s+with", r"i\s+choose", r"book\s+(?:me|it|that)", r"is\s+ok\w*", r"sounds"],
    "decline": [r"(?:all\s+)?too\s+(?:early|late)", r"none\s+of\s+(?:these|them|those|the)", r"neither", r"doesn't\s+work", r"don't\s+work",
                r"do\s+not\s+work", r"does\s+not\s+work", r"can't\s+make\s+(?:any|it|those|these)", r"won't\s+work",
                r"not\s+suitable", r"unfortunately\s+(?:none|not)"],
    "cancel": [r"cancel\b", r"cancel(?:l)?ing", r"to\s+cancel", r"cancellation\s+of", r"call\s+off", r"i\s+won't\s+be\s+able\s+to\s+(?:come|attend|make)",
               r"please\s+cancel", r"need\s+to\s+cancel", r"have\s+to\s+cancel"],
    "reschedule": [r"move\s+(?:my|our|the)\s+(?:\w+\s+){0,2}(?:appointment|session|booking|meeting|time|supervision|visit|slot)", r"reschedul\w*", r"move\s+(?:my|our|the)\s+(?:appointment|session|booking|meeting|time)",
                   r"change\s+(?:my|our|the)\s+(?:appointment|session|booking|time)", r"different\s+time",
                   r"another\s+time", r"postpone\w*", r"push\s+(?:it|the\s+session)\s+back", r"push\s+(?:my|our|the|\w+'s)\s+(?:\w+\s+)?(?:session|appointment|meeting|booking|supervision)", r"move\s+it"],
    "request": [r"would\s+like\s+to", r"i'd\s+like", r"we'd\s+like", r"book", r"booking", r"schedule", r"need",
                r"looking\s+for", r"want\s+to", r"interested\s+in\s+booking", r"could\s+we", r"can\s+we", r"wish"],
    "question": [r"how\s+does\s+(?:it|this|that)\s+works?", r"who\s+pays", r"(?:during|on)\s+(?:my\s+|the\s+)?sick\s+leave", r"(?:can|could|may)\s+(?:my|our|a)\s+(?:colleague|co-?worker|manager|boss)\w*\s+(?:\w+\s+)?(?:join|come|attend|take\s+part|be\s+there)", r"price\w*", r"cost\w*", r"invoice\w*", r"billing", r"billed", r"charged", r"fee\w*", r"what\s+is",
                 r"how\s+much", r"referral\w*", r"included\s+in", r"contract\w*", r"vat"],
    "other": [r"newsletter\w*", r"unsubscribe", r"webinar\w*", r"\d+\s*%\s*off", r"discount\w*", r"special\s+offer",
              r"not\s+interested\?", r"growth\s+\w+", r"our\s+(?:ai|platform|tool|software|product)", r"free\s+trial",
              r"3x", r"roi", r"leads", r"\d+\s*%", r"free\s+sessions?", r"quick\s+(?:demo|call)", r"demo",
              r"just\s+reply", r"tickets?", r"early[- ]bird", r"exhibitor\w*", r"register\s+now", r"sponsor\w*"],
    "domain": [r"supervision", r"supervisor\w*", r"appointment\w*", r"session\w*", r"booking\w*", r"työnohjau\w*",
               r"coaching", r"mentoring"],
}

SERVICE = {
    "individual": [r"individual\s+(?:work\s+)?supervision", r"one-to-one\s+supervision", r"1:1\s+supervision",
                   r"personal\s+(?:work\s+)?supervision", r"individual\s+sessions?"],
    "group": [r"(?:our|the|my)\s+team's\s+(?:work\s+)?supervision", r"team\s+supervision", r"group\s+supervision", r"work\s+community\s+supervision",
              r"supervision\s+for\s+(?:our|the|my)\s+(?:whole\s+)?(?:team|group|unit|staff|department)",
              r"team\s+sessions?", r"group\s+sessions?"],
    "leader": [r"leadership\s+supervision", r"management\s+supervision", r"supervision\s+for\s+(?:managers|leaders)",
               r"managerial\s+supervision", r"executive\s+supervision", r"leader\s+supervision"],
    "individual_implied": [r"for\s+myself", r"my\s+own\s+supervision", r"supervision\s+(?:just\s+|only\s+)?for\s+me(?![\w-])",
                           r"(?:just|only)\s+for\s+me(?![\w-])", r"for\s+me\s+(?:alone|only)"],
    "group_implied": [r"our\s+(?:whole\s+)?(?:ward|department|unit|nurses|crew|office)(?!\s+(?:meeting|meetings|manager|head|leader|'s))", r"(?:the\s+)?whole\s+(?:ward|department|unit|office|staff)", r"(?:our|my)\s+\w+\s+team", r"together\s+as\s+a\s+team", r"the\s+nurses", r"(?:our|my|the)\s+(?:whole\s+)?team", r"our\s+group(?!\s+(?:meeting|leader|manager))", r"our\s+staff(?!\s+(?:meeting|room))", r"our\s+unit(?!\s+(?:meeting|manager|head|leader))",
                      r"for\s+the\s+team"],
    "leader_implied": [r"newly\s+(?:promoted|appointed)\s+\w*\s*(?:manager|leader|head|director|supervisor|lead)", r"(?:new|recently\s+promoted)\s+(?:team\s+|unit\s+|ward\s+|department\s+)?(?:manager|leader|head\s+nurse|director)", r"first\s+management\s+role", r"i(?:'m|\s+am)\s+a\s+new\s+(?:manager|leader|head|director|supervisor)",
                       r"as\s+a\s+(?:new\s+)?(?:manager|leader|team\s+lead|head\s+of\s+\w+|director)",
                       r"(?:promoted|appointed)\s+(?:to\s+)?(?:head|manager|director|team\s+lead|lead)\w*",
                       r"new\s+(?:in\s+(?:a|my)\s+)?(?:manager|management|leadership)\s+role", r"our\s+management\s+team",
                       r"(?:the|our)\s+leadership\s+team"],
}
MODE = {
    "remote": [r"remote\w*", r"online", r"video\w*", r"teams", r"zoom", r"virtual\w*", r"by\s+phone", r"over\s+the\s+phone",
               r"phone\s+call", r"web\s+call", r"google\s+meet", r"distance"],
    "onsite": [r"here\s+at\s+(?:the|our)\s+\w+", r"at\s+our\s+(?:hotel|school|clinic|site|ward|unit|daycare|kindergarten|factory|workplace)", r"come\s+(?:here|over)", r"in\s+person", r"in-person", r"on\s*site", r"on-site", r"face\s+to\s+face", r"face-to-face",
               r"(?:at|to|in)\s+your\s+(?:\w+\s+)?(?:office|premises|clinic|location|facilities)", r"at\s+your\s+place",
               r"come\s+to\s+(?:you|your)", r"at\s+our\s+(?:premises|office|place)", r"come\s+to\s+us", r"visit\s+you", r"physical\w*\s+meeting"],
}
MODE_EITHER = [r"either\s+(?:is\s+fine|works|way)", r"doesn't\s+matter", r"does\s+not\s+matter", r"no\s+preference",
               r"remote\s+or\s+in\s+person", r"in\s+person\s+or\s+(?:remote|online)", r"both\s+work"]

CADENCE = {
    "weekly": [r"(?:one|1)\s+times?\s+(?:in|per|a|each)\s+(?:the\s+|a\s+)?week", r"weekly(?!\s+(?:planning|meeting|team|staff|status|stand-?ups?|reports?|schedule|check-?ins?))", r"once\s+a\s+week", r"every\s+week", r"each\s+week", r"once\s+per\s+week"],
    "biweekly": [r"every\s+(?:other|second)\s+\w+day", r"every\s+other\s+week", r"every\s+two\s+weeks", r"every\s+second\s+week", r"biweekly",
                 r"bi-weekly", r"fortnightly", r"once\s+a\s+fortnight"],
    "monthly": [r"one\s+(?:session\s+|meeting\s+)?(?:a|per|each|every)\s+month", r"(?:one|1)\s+times?\s+(?:in|per|a|each)\s+(?:the\s+|a\s+)?month", r"monthly", r"once\s+a\s+month", r"every\s+month", r"each\s+month", r"once\s+per\s+month"],
}
SESSIONS = [r"{N}\s*(?:\(\d+\)\s*)?(?:sessions|meetings|appointments|visits|times)",
            # "six individual supervision sessions"
            r"{N}\s+(?:(?:individual|group|team|leadership|supervision|coaching|one-to-one|1:1|further|more|remote|online|in-person)\s+){1,3}(?:sessions|meetings|appointments|visits)",
            r"(?:weekly|monthly|every\s+\w+\s+week)\s+for\s+{N}\s+(?:weeks|months)",
            r"series\s+of\s+{N}"]
PARTICIPANTS = [r"{N}\s+of\s+(?:us|our|my)(?:\s+[a-z-]+){0,3}\s+(?:would|want|wish|need|will|are\s+(?:joining|coming|taking))(?![\w])",r"(?:so\s+)?{N}\s+(?:in\s+total|altogether|all\s+told)(?![\w])", r"(?:so\s+)?(?:we(?:'ll|\s+will)?\s+be|there\s+will\s+be|that\s+makes)\s+{N}(?!\s*(?:[:.]\d|am|pm|a\.m|p\.m|o'clock|minutes|hours|weeks|sessions|times))(?![\w])",r"(?:team|group|unit)\s+of\s+{N}(?![\w])",r"(?<!my\s)(?<!our\s){N}\s+(?:[a-z-]{3,}\s+)?[a-z]{3,}(?:ers|ors|ists|ians|ants|ics|pals|als)(?![\w])",
                r"{N}\s*(?:\(\d+\)\s*)?(?:people|persons|participants|members|employees|nurses|colleagues|staff|devs|developers|engineers|teachers|workers|attendants|carers|"
                r"social\s+workers|physicians|doctors|therapists|consultants|agents|drivers|cleaners|chefs|cooks|guys|of\s+us)",
                r"(?<!my\s)(?<!our\s){N}\s+[a-z-]{3,}\s+(?:nurses|people|staff|colleagues|workers|members)(?![\w])",
                r"there\s+(?:are|will\s+be|would\s+be)\s+{N}", r"we\s+are\s+{N}", r"(?:team|group|unit|department|ward|crew|staff)\s+of\s+{N}",
                r"(?:team|group)\s*\({N}"]
# after a head count: the people the writer leads, not who attends
# the writer and N others: N + 1 attend ("me and three colleagues")
WITH_WRITER = [r"(?:me|myself|i)\s+(?:and|plus|\+)\s+{N}\s+(?:other\s+)?(?:others|colleagues|coworkers|co-workers|people|[a-z]{3,}(?:ers|ors|ists|ians|ants|als))(?![\w])"]
# a stated total is the count, whatever the parts before it ("… so 13 in total")
# a price right after a count of sessions: billed, not wanted ("three sessions at EUR 95 each")
PRICE_AFTER = [r"(?:à|á|@|a)\s*(?:€\s*)?\d+(?:[.,]\d+)?\s*(?:€|eur\w*|euro\w*)?", r"(?:at|for)\s+(?:€|eur\s*)?\d+(?:[.,]\d+)?\s*(?:€|eur\w*|euros?)?\s*(?:each|apiece)"]
TOTAL = [r"in\s+total", r"altogether", r"(?:a\s+)?total\s+of", r"all\s+told", r"all\s+in\s+all"]
LEADS_AFTER = [r"report(?:s|ing)?\s+(?:directly\s+)?to\s+me", r"(?:that|whom|who)\s+i\s+(?:lead|manage)", r"to\s+(?:lead|manage)", r"reporting\s+to\s+me", r"under\s+me"]
# "I'm now leading our QA team of seven": newly a leader, the team is not who comes ("I am leading a small team of 5"
# asking for team supervision is)
LEADS = [r"(?:run|own|have)\s+an?\s+(?:\w+\s+){0,4}with(?:\s+about|\s+around)?",  # "a small agency with five staff"
         r"(?:our|the)\s+(?:school|company|organisation|organization|firm|unit|department|hospital)\s+(?:has|employs)(?:\s+about|\s+around)?", r"lead\s+a\s+team\s+of", r"(?:lead|manage|run)\s+an?", r"i\s+\w+\s+(?:lead|manage)", r"i've\s+been\s+(?:leading|managing)", r"i\s+(?:lead|manage)\s+(?:a|an|the|my)\s+(?:\w+\s+)?(?:team|unit|group|department)\s+of", r"i\s+lead", r"i\s+manage", r"i\s+am\s+responsible\s+for", r"i'm\s+responsible\s+for", r"my\s+reports", r"head\s+of", r"in\s+charge\s+of", r"(?:i'm|i\s+am)\s+now\s+(?:leading|managing|heading)\s+(?:a|the|my|our)", r"(?:took|taken|take|taking)\s+over\s+(?:a|the|my|our)"]
SUPERVISOR_BEFORE = [r"highly\s+of", r"praised", r"things\s+about", r"recommend\w*", r"supervisor", r"with", r"recommended", r"book\s+with", r"see"]
SUPERVISOR_AFTER = [r"(?:and\s+)?(?:praised|recommends|recommended|raved\s+about)\s+(?:her|him)", r"[–-]?\s*(?:would|could|can)\s+(?:it\s+be\s+possible\s+to\s+have|i\s+(?:have|get|see))\s+(?:her|him)", r"as\s+(?:my|our)\s+supervisor", r"as\s+(?:a\s+)?supervisor"]

REVIEW = {
    "complaint": [r"touched\s+me", r"comment\w*\s+(?:on|about)\s+my\s+(?:looks|appearance|body)", r"(?:don't|do\s+not)\s+want\s+to\s+(?:see|meet)\s+(?:him|her|them)\s+again", r"inappropriate\w*", r"hasn't\s+been\s+(?:good|helpful)", r"isn't\s+working", r"not\s+working\s+(?:out|for\s+me)", r"(?:has\s+)?not\s+been\s+(?:good|great|helpful)", r"bad\s+experience", r"(?:was|came|arrived)\s+late", r"doesn't\s+listen", r"does\s+not\s+listen", r"change\s+(?:my\s+|our\s+)?supervisor", r"(?:a\s+)?different\s+supervisor", r"another\s+supervisor", r"new\s+supervisor", r"unprofessional", r"rude", r"didn't\s+work\s+out", r"not\s+satisfied", r"complain\w*", r"annoyed", r"frustrat\w*", r"upset", r"angry", r"disappoint\w*", r"unacceptable", r"refund\w*", r"dissatisf\w*", r"unhappy",
                  r"wrongly\s+(?:billed|invoiced)", r"credit\s+note"],
    "contact": [r"give\s+me\s+a\s+(?:call|ring)", r"ring\s+me", r"phone\s+call\s+(?:back|with\s+me)", r"call\s+me\s+back", r"could\s+you\s+(?:please\s+)?call", r"contact\s+me", r"call\s+me", r"get\s+in\s+touch", r"phone\s+me", r"reach\s+out\s+to\s+me"],
    "not_supervision": [r"therap\w*", r"psychotherap\w*", r"doctor(?:s|'s)?", r"physician\w*", r"psychiatr\w*",
                        r"psycholog\w*", r"\w*physiotherap\w*", r"physical\s+therap\w*", r"ergonomic\w*", r"vaccin\w*", r"health\s+check\w*", r"(?<!work\s)(?<!supervision\s)counsell?ing"],
    "several": [r"each\s+(?:with\s+)?(?:their|his|her)\s+own\s+(?:sessions?|times?|appointments?|meetings?)", r"two\s+(?:of\s+)?(?:our\s+)?(?:employees|staff\s+members|colleagues|team\s+members)\W+(?:\w+\s+){0,3}(?:wishes|requests|preferences)", r"(?:both|each)\s+(?:of\s+them\s+)?(?:would\s+like|want|wants|wish)\s+(?:\w+\s+){0,2}(?:own|individual|separate)", r"separate\s+(?:individual\s+)?sessions\s+for\s+(?:each|both)", r"(?:kept|keep)\s+(?:\w+\s+)?(?:separate|apart)", r"each\s+(?:team\s+)?(?:needs?|wants?)\s+(?:\w+\s+)?(?:own|separate)\s+(?:group|sessions?)", r"separate\s+groups"],
    "crisis": [r"(?:easier|better)\s+(?:\w+\s+){0,3}if\s+i\s+(?:\w+\s+){0,2}(?:disappeared|vanished|died|was\s+dead)",
               r"barely\s+sleep", r"(?:easier|better)\s+(?:\w+\s+){0,3}if\s+i\s+(?:\w+\s+){0,2}(?:wasn't|weren't|was\s+not|were\s+not|didn't\s+wake|did\s+not\s+wake|never\s+woke|wasn't\s+here|was\s+gone)",
               r"no\s+point\s+(?:in\s+)?(?:any\s+of\s+)?(?:this|it|anything)", r"what'?s\s+the\s+point", r"don't\s+see\s+the\s+point", r"can't\s+take\s+(?:it|this)\s+anymore", r"better\s+off\s+(?:without\s+me|if\s+i)", r"disappear\w*\s+for\s+good", r"end\s+it\s+all", r"kill\s+myself", r"hurt\s+myself", r"harm\s+myself", r"no\s+point\s+(?:in\s+)?(?:living|going\s+on)", r"(?:don't|do\s+not)\s+want\s+to\s+(?:live|wake\s+up|be\s+here)", r"can't\s+go\s+on", r"cannot\s+go\s+on", r"not\s+worth\s+living", r"want\s+to\s+die", r"hopeless\w*", r"desperate", r"breaking\s+down", r"burn(?:ed|t)\s+out", r"crying", r"suicid\w*", r"self-harm\w*", r"anxiety", r"depress\w*", r"panic\w*", r"low\s+mood", r"crisis",
               r"harass\w*", r"violence", r"can't\s+cope",
               r"(?:haven't|have\s+not|hasn't|not)\s+slept\s+(?:properly|at\s+all|well\s+(?:in|for))", r"nothing\s+(?:makes\s+sense|matters)\s+any\s*more"],
    "fee": [r"cancellation\s+fee\w*", r"fee\w*", r"charge\w*", r"invoice\w*", r"cost\w*"],
}
# a wish to be phoned: the message is a question for a person, not a booking
# "Ennen päätöstä haluaisin tietää:" and a list: what follows is asked, with or without question marks
ASK_LIST = [r"(?:i|we)(?:'d|\s+would)\s+like\s+to\s+know(?:\s+\w+){0,3}\s*:", r"(?:i|we)\s+(?:want|need)\s+to\s+know(?:\s+\w+){0,3}\s*:", r"(?:i|we)\s+(?:was|were)\s+wondering(?:\s+\w+){0,3}\s*:"]
CALLBACK = [r"(?:please\s+)?(?:call|phone|ring)\s+me(?:\s+back)?(?![\s,]+(?:if|should|in\s+case))", r"give\s+me\s+a\s+(?:call|ring)(?![\s,]+if)",
            r"(?:could|can|would)\s+(?:you|someone)\s+(?:please\s+)?(?:call|phone|ring)", r"prefer\s+a\s+(?:phone\s+)?call"]
# mail that asks for credentials or is a bill of another business: "other", whatever dates it carries
PHISHING = [r"verify\s+your\s+(?:account|identity|mailbox|email)", r"password\w*", r"log\s*in\s+(?:here|now|below)",
            r"click\s+(?:here|the\s+link|below)", r"your\s+(?:account|mailbox)\s+(?:will\s+be|has\s+been)\s+(?:suspended|closed|deleted|locked)",
            r"mailbox\s+(?:is\s+)?full", r"storage\s+(?:quota|limit)", r"unusual\s+sign-?in"]
INVOICE = [r"iban", r"bic", r"swift", r"reference\s+number", r"due\s+date", r"payment\s+terms", r"invoice\s+number",
           r"amount\s+due", r"total\s+due", r"late\s+payment\s+interest"]
# before a clinician's title: the writer's or her team's job, not a booking of one
JOB_INTRO = [r"i\s+am\s+an?", r"i'm\s+an?", r"work\s+as\s+an?", r"appointed", r"as\s+an?", r"our", r"we\s+are", r"team\s+of\s+\d+", r"\d+"]
OUT_OF_OFFICE = [r"this\s+is\s+an\s+automat\w*\s+(?:reply|response|message)", r"i\s+will\s+(?:reply|respond)\s+(?:to\s+your\s+\w+\s+)?(?:when|after|on)", r"out\s+of\s+(?:the\s+)?office", r"i\s+am\s+(?:currently\s+)?(?:away|on\s+(?:annual\s+)?leave|on\s+holiday|on\s+vacation)",
                 r"i'm\s+(?:currently\s+)?(?:away|on\s+(?:annual\s+)?leave|on\s+holiday|on\s+vacation)",
                 r"with\s+(?:no|limited)\s+access\s+to\s+(?:e-?mail|my\s+e-?mail)", r"automatic\s+reply",
                 r"after\s+my\s+return", r"i\s+will\s+be\s+back\s+on", r"auto-?reply"]
LANGUAGE_NAMES = {"fi": [r"in\s+finnish"], "sv": [r"in\s+swedish"], "en": [r"in\s+english"],
                  # a language we have no supervisors for: staff answer
                  "es": [r"in\s+spanish"], "ru": [r"in\s+russian"], "et": [r"in\s+estonian"], "de": [r"in\s+german"],
                  "fr": [r"in\s+french"], "ar": [r"in\s+arabic"], "so": [r"in\s+somali"], "uk": [r"in\s+ukrainian"]}
