"""Finnish. Stems carry the inflection: ``tiistai\\w*`` is tiistai, tiistaina, tiistaisin, tiistaiaamuna."""

STOPWORDS = [
    "ja", "on", "ei", "en", "että", "olisi", "olen", "minulle", "meille", "hei", "moi", "kiitos", "voisi",
    "tai", "klo", "kello", "kanssa", "se", "ne", "me", "olemme", "haluaisin", "sopii", "sopisi", "käy",
    "kuin", "mutta", "myös", "vain", "jo", "nyt", "kun", "koska", "joten", "tämä", "tässä", "niin", "ole",
    "mikä", "onko", "olisiko", "saisinko", "voisimmeko", "terveisin", "ystävällisin", "viikolla", "aika",
    "ajan", "työnohjaus", "työnohjausta", "pääsen", "pääsisin", "valitettavasti", "minun", "meidän",
]

# words that change no time beside them: function words, the writer and the reader, and the booking's own
# verbs and nouns. A word beside a time that is none of these and no word of this lexicon ("asiakaskäynneillä
# 9–11", "when the kids are at school") may change what the time means, and staff read it (leftovers.py)
PLAIN_WORDS = """
    minä mä mää mie sinä sä sää hän se me myö te he ne minulle mulle minulla mulla mul minua mua minun mun
    sulle sinulle sun sulla meille meil meillä meitä meidän meiän teille teillä teidän hänelle hänellä hänen
    häntä heille heillä heidän sen sitä siihen siinä siitä sillä tämä tää tätä tämän tähän tässä tästä tällä
    tuo toi tota tuon nämä nää noi niitä niiden niille jotka joka joita jolloin jossa jonka jota mikä mitä
    missä milloin kumpi kumpana joku jokin jotain kaikki kaikkia kaikille koko itse ite itselleni itselle ja
    sekä tai vai eli mutta mut vaan kun ku ko koska kos jos että et joten niin sit sitten silloin sillon nyt jo
    vielä viel myös kans vain vaa ainoastaan ehkä kenties esim esimerkiksi vaikka vaikkapa mieluiten mieluummin
    mielummin mielellään parhaiten paremmin hyvin hyvä hyvää kiva ihan tosi todella kyllä kai siis kuitenkin
    kuitenkaan myöskin taas noin suunnilleen n alla alle yllä tuolloin täällä olla olen oon olet on ollaan
    olemme ovat oli olisi ois olis olisin olisimme olisko olisiko oisko oisin ole en ei emme eivät ette oo
    voisi voisin voisko voisiko voidaan voin voimme voisimme voisimmeko voisitteko voitteko voiko sopii sopisi
    sopis sopisiko sopisko sopivat sopisivat sopiva sopivaa sopivin sopivimmat sopia sopiiko käy käykö kävisi
    kävis kävisikö kävisivät käyvät käydä pääsen pääsisin pääse pääsee päästä pääsis pääsisi pääsemme
    pääsisimme onnistuu onnistuisi onnistuis onnistuisiko toivoisin toivoisimme toivon toivomme haluaisin
    haluaisimme haluan haluamme haluais tarvitsen tarvitsisin tarvitsemme saisinko saisimme saada saisi varata
    varaisin varaan varaisimme ehdin ehdi ehtisin ehtisi aloittaa aloittaisimme aloitetaan aloittaisin aloitus
    aloituksen aika aikaa ajan ajat aikoja ajaksi aikana tapaaminen tapaamisen tapaamista tapaamiset tapaamisia
    kerta kerran kertaa vaihtoehto vaihtoehdot päivä päivät päivänä päivinä päiviä kiitos kiitoksia terveisin
    hei moi muuten muut muita muina mahdollista mahdollisesti samaan sama samana tuli tulee minulta meiltä joko
    enää jompikumpi kumpikin näin ai sori sorry niinku vois voiks pitää pitäisi saisiko käviskö kävisköhän
    sopiskohan ollenkaan mihinkään joskus paras parempi parhaat parhaita alottaa alkaa jotenkin melko hieman
    vähän paljon kiireinen kiireistä vapaa vapaata vapaana olisivat sovi sovellu soveltuu soveltuisi onnistu
    passais passaa käykään parhaite o sul meijän teijän teiän tarttis tarttisin tarvis voitas voitais
    voitaisiin kahtellaan kattellaan katotaan katsotaan sitte kyl jotai ettei sillo sillonki sillonkin
    alotetaan alotettais aloitettais aloitettaisiin kattellaa katellaan yhtään vasta väliltä välillä välisenä
    kellonaika päivämäärä pvm kunhan kalenteri kalenterissa kalenterissani kalenterini kalenteria kalenterista
    kellonaikaan kellonaikana kellonajat kellonajan ajankohdaksi ajankohta ajankohtana ajankohdan ajankohtaa
    esitämme ehdotamme ensisijaisesti toissijaisesti mikäli tule tulla tulisi tulis kyseeseen mille mihin millä
    mistä minkä mitkä melkein lähes suunnilleen noin takia vuoksi johdosta helpoin helpoimmat helpointa sopivin
    sopivimmat sopivinta paras parhaat parhaiten hr pm am mielelläni mieluusti kummin yleensäki osu osuu osuis
    osuisi
""".split()

WEEKDAYS = {
    0: [r"maanantai[\w-]*", r"maanantain"],
    1: [r"tiistai[\w-]*"],
    2: [r"keskiviikko[\w-]*", r"keskiviikon\w*", r"keskiviikot", r"keskiviiko\w*"],
    3: [r"torstai[\w-]*"],
    4: [r"perjantai[\w-]*"],
    5: [r"lauantai[\w-]*"],
    6: [r"sunnuntai[\w-]*"],
}
WEEKDAY_ABBR = {0: ["ma"], 1: ["ti"], 2: ["ke"], 3: ["to"], 4: ["pe"], 5: ["la"], 6: ["su"]}
# a weekday word is habitual (every such day) when it matches one of these
# every working day, Monday to Friday
WORKDAYS = [r"arkisin", r"arkipäivisin", r"arkipäivin", r"arkipäivinä", r"arkipäivät", r"arkipäivä\w*", r"arkena",
            r"arkipäiviä", r"arkipäivänä", r"arjen\s+päivinä", r"viikolla\s+ma-pe"]
# "joka toinen tiistai": every other such weekday
# before a weekday: the one after the day named before ("sitä seuraavana tiistaina")
# "seuraavalle maanantaille" follows the booked day when one was named, else it is the next Monday
FOLLOWING = [r"sitä\s+seuraava\w*", r"seuraava(?:lle|na|ksi)", r"seuraava\w*\s+sen\s+jälkeen", r"sen\s+jälkeisenä", r"sen\s+jälkeinen"]
EVERY_OTHER = [r"joka\s+toi(?:nen|sena|sella|seen)", r"joka\s+toinen\s+viikko\s+\w*"]
# after a date that starts a series of weekdays ("tiistaisin 7.9. alkaen"); before one ("from 7 September")
FROM_AFTER = [r"alkaen", r"lähtien", r"eteenpäin", r"lukien"]
FROM_BEFORE = [r"alkaen"]
HABITUAL_BEFORE = [r"joka\s+toi(?:nen|sena|sella|seen)", r"joka", r"aina", r"mikä\s+(?:tahansa|vaan|vain)", r"kaikki"]  # "joka tiistai"
HABITUAL = [r"(?:aamu|ilta|aamupäivä|iltapäivä|aamupäiv[äa]|iltapäiv[äa])t", r"illat", r"\w+isin", r"\w+(?:ai|ko)t", r"\w+(?:ai|ko)(?:-|\w)*isin", r"joka\s+\w+",
            r"\w+(?:tai|ko)isi", r"\w+(?:tai|ko)si",
            r"\w+(?:tai|ko)-?(?:aamu|ilta|aamupäiv|iltapäiv|päiv)\w*t"]  # "torstai-iltapäivät", "maanantaiaamut"  # dialect drops the -n: "tiistaisi", "keskiviikkosi"

MONTHS = {
    1: [r"tammikuu\w*", r"tammik"], 2: [r"helmikuu\w*", r"helmik"], 3: [r"maaliskuu\w*"],
    4: [r"huhtikuu\w*"], 5: [r"toukokuu\w*"], 6: [r"kesäkuu\w*"], 7: [r"heinäkuu\w*"], 8: [r"elokuu\w*"],
    9: [r"syyskuu\w*"], 10: [r"lokakuu\w*"], 11: [r"marraskuu\w*"], 12: [r"joulukuu\w*"],
}
# after a month in the genitive: "joulukuun alussa"
# the first part of a suspended compound: "maalis–huhtikuussa" is March and April
MONTH_STEMS = {"tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6, "heinä": 7, "elo": 8,
               "syys": 9, "loka": 10, "marras": 11, "joulu": 12}
MONTH_PART = {
    "early": [r"alu\w*", r"alku\w*", r"alkupuol\w*", r"alkupää\w*"],
    "mid": [r"puoliv[äa]l\w*", r"puolessa\s+välissä", r"keskivaiheil\w*", r"puolimaissa"],
    "late": [r"lopu\w*", r"loppu\w*", r"loppupuol\w*", r"loppupää\w*"],
    "first_weeks": [r"(?:kaksi|kaks)\s+ensimmäistä\s+viikkoa", r"kahtena\s+ensimmäisenä\s+viikkona",
                    r"kahden\s+ensimmäisen\s+viikon\s+aikana"],
    "last_week": [r"viimei\w*\s+viik\w*", r"viimenen\s+viik\w*", r"viimesel\w*\s+viik\w*"],
    # one week, not "ensimmäiset viikot"
    "week1": [r"ensimmäi(?:nen|sellä|senä|sen|seksi)\s+(?:kokonai\w*\s+)?viik(?:ko|olla|on|oksi|kona)", r"eka(?:lla|na|n)?\s+viik(?:ko|olla|on|oksi|kona)"],
    "week2": [r"toi(?:nen|sella|sena|sen|seksi)\s+viik(?:ko|olla|on|oksi|kona)", r"toka(?:lla|na|n)?\s+viik(?:ko|olla|on|oksi|kona)"],
    "week3": [r"kolma(?:s|nnella|ntena|nnen|nneksi)\s+viik(?:ko|olla|on|oksi|kona)"],
    "week4": [r"neljä(?:s|nnellä|ntenä|nnen|nneksi)\s+viik(?:ko|olla|on|oksi|kona)"],
}

DAY_PARTS = {
    "morning": [r"ennen\s+lounas\w*", r"ennen\s+lounaa\w*", r"lounaa(?:seen|ksi)\s+(?:asti|saakka)", r"aamupäiv\w*", r"aamu(?:lla|l|isin|sin|t|ja|ks\w*|sta|st|na|un|iksi)",r"aamulla", r"aamuisin", r"aamupäivällä", r"aamupäivisin", r"aamupäivään", r"aamupäivät",
                r"aamu", r"aamut", r"aamupäiviä", r"aamuja", r"aamupäivä", r"aamupäiväksi", r"aamuksi", r"aamupäivää",
                r"aamupäivän", r"aamupäivänä", r"aamupäivästä", r"aamusta", r"aamupäivälle", r"aamuiksi"],
    "midday": [r"keskipäivällä", r"keskipäivään", r"keskipäivän", r"lounasaikaan", r"lounasaikana",
               r"lounaan\s+aikaan", r"puolilta\s+päivin", r"päivällä", r"päiväsaikaan", r"keskipäivisin"],
    "afternoon": [r"iltapäiv\w*", r"iltapäivällä", r"iltapäivisin", r"iltapäivät", r"iltapäiviä", r"iltapäivään",
                  r"iltapäiväksi", r"iltapäivä", r"iltapäivästä", r"iltapäivää", r"iltapäivän", r"iltapäivänä", r"iltapäivälle"],
    "evening": [r"illalla", r"illal", r"ilt(?:aisin|asin|aks|aan|ana)", r"iltaisin", r"illat", r"iltaa", r"illaksi", r"iltaan", r"iltaisi\w*",
                r"(?:työ|virka)ajan\s+jälkeen", r"töiden\s+jälkeen", r"työpäivän\s+jälkeen",
                r"työvuoron\s+jälkeen"],
}
# the part of a weekday compound that names a part of the day: tiistaiaamuna, torstai-iltapäivisin
# after a part of the day: it describes a thing, not a time
DAYPART_NOUNS = [r"vuoro\w*", r"palaveri\w*", r"kokou\w*", r"ruuhka\w*", r"kahvi\w*"]
# before a part of the day: it belongs to a day named before ("sinä aamuna"), not to every day
THAT_DAY = [r"sinä", r"samana", r"sen\s+päivän", r"tuona"]
DAY_PART_STEMS = {"morning": ["aamupäiv", "aamu"], "afternoon": ["iltapäiv"], "evening": ["ilta", "illa"]}

# words that name a time but that no rule reads: left over, they send the message to staff
TIME_WORDS = [r"\w*päev\w*", r"\w+(?:tae|kkoo)sta", r"\w+taehin", r"viikonlop\w*", r"arki\w*", r"huomi(?!o)\w*", r"ylihuomi\w*", r"tänää\w*", r"keskipäiv\w*", r"puolenpäiv\w*",
              r"lounas\w{0,4}", r"lounaa\w{0,4}",
              r"aamu\w{0,4}", r"ilta\w{0,4}", r"illa\w{0,4}"]  # "aamuajoista", "iltavuoron" are no times

# today or tomorrow with a part of the day: "tänä iltana" = today 16–20
REL_DAY_PARTS = {"0 morning": [r"tänä\s+aamuna", r"tänä\s+aamupäivänä", r"tänään\s+aamu\w*"],
                 "0 afternoon": [r"tänä\s+iltapäivänä", r"tänään\s+iltapäiv\w*"],
                 "0 evening": [r"tänä\s+iltana", r"tänään\s+illalla", r"tänä\s+iltapäivänä\s+myöhään"],
                 "1 morning": [r"huomisaamu\w*", r"huomenna\s+aamu(?:lla|päivällä)", r"huomisaamupäivä\w*"],
                 "1 afternoon": [r"huomisiltapäivä\w*"], "1 evening": [r"huomisilta\w*"]}
REL_DAYS = {
    "0": [r"tänään", r"tänä\s+päivänä"],
    "1": [r"huomenna", r"huomisen", r"huomista", r"huomiseksi"],
    "2": [r"ylihuomenna"],
}

WEEK_WORDS = {
    "this": [r"tällä\s+viikolla", r"tällä\s+vk", r"tämä\s+viikko", r"tän\s+viikon", r"tämän\s+viikon", r"tälle\s+viikolle", r"tätä\s+viikkoa", r"kuluvalla\s+viikolla"],
    "next": [r"ensi\s+viik\w*", r"ensviik\w*", r"ensi\s+vk\.?", r"ens\s+vk\.?", r"ens\s+viik\w*", r"seuraava\w*\s+viik\w*", r"tulevalla\s+viikolla"],
    "after_next": [r"ensi\s+viikon\s+jälkeise\w*\s+viiko\w*", r"sitä\s+seuraava\w*\s+viiko\w*", r"ylihuomis\w*\s+viiko\w*",r"sitä\s+seuraava\w*\s+viik\w*"],
    "same": [r"saman\s+viikon?", r"samalla\s+viikolla", r"samalle\s+viikolle"],  # spoken "saman viiko"
    "number": [r"(?:viiko\w*|vko|vk|viikk\w*)\.?\s*(?P<n>\d{1,2})(?!\d|\.\d)"],
    "in_n": [r"(?P<n>\w+)\s+(?:viikkoa|vk|viikon)\s+(?:päästä|kuluttua)", r"(?P<n>\w+\s+)?viikon\s+(?:päästä|kuluttua|päähän|päästä)"],
}
# a part of the week meant (this week unless another is named): "loppuviikosta" → Thursday–Friday
_NOT_AFTER_A_WEEK = r"(?<!ensi\s)(?<!ens\s)(?<!tämän\s)(?<!sen\s)(?<!\d\s)(?<!ttavan\s)(?<!raavan\s)"
WEEK_PART = {"early": [r"alkuviiko\w*", r"alkuviikk\w*", _NOT_AFTER_A_WEEK + r"viikon\s+(?:alussa|alkupuolella)"],
             "late": [r"loppuviiko\w*", r"loppuviikk\w*", _NOT_AFTER_A_WEEK + r"viikon\s+(?:lopulla|loppupuolella|lopussa)"],
             "rest": [r"loppuviikon\s+aikana", r"tämän\s+viikon\s+aikana"]}
# "kuun ensimmäinen tiistai", "tammikuun toisena keskiviikkona": {NTH} {WD} {MREF} in this language's order
NTH = {1: [r"ensimmäi\w*", r"eka\w*", r"1\."], 2: [r"toi(?:nen|sena|sen)", r"toka\w*", r"2\."],
       3: [r"kolma(?:s|ntena|nnen)", r"3\."], 4: [r"neljä(?:s|ntenä|nnen)", r"4\."], -1: [r"viimei\w*"]}
MONTH_REF = {"any": [r"kuun", r"kuukauden"], "this": [r"tämän\s+kuun"], "next": [r"ensi\s+kuun", r"seuraavan\s+kuun"]}
NTH_WEEKDAY = [r"(?P<mref>{MREF}|{MONTHS})\s+(?P<nth>{NTH})\s+(?P<w1>{WD})"]
# before a weekday or its range: every week ("viikoittain keskiviikosta perjantaihin")
# said of a weekday anywhere in its sentence, it is every such day: "ti–to on yleensä vapaata"
USUALLY = [r"yleensä", r"yleisesti", r"tavallisesti", r"normaalisti", r"useimmiten", r"yleensäkin"]
EVERY_WEEK = [r"joka\s+viik\w*", r"viikoittain", r"aina", r"joka"]
# in N days: "kolmen päivän päästä" = today + 3
IN_DAYS = [r"(?P<n>\w+)\s+(?:päivän|pv|päivää)\s+(?:päästä|kuluttua)"]
# next calendar year, from 1 January: "ens vuoden puolella"
NEXT_YEAR = [r"ensi\s+vuonna", r"ens\s+vuonna", r"ensi\s+vuoden\s+puolella", r"ens\s+vuoden\s+puolella", r"ensi\s+vuoden\s+alusta",
             r"tammikuusta\s+alkaen", r"vuoden\s+vaihduttua"]
# words for a week before its number, for lists of weeks ("viikoilla 2 ja 3")
WEEK_NOUNS = [r"viiko\w*", r"viikk\w*", r"vko", r"vk"]
# a day counted from another day or event, a week fused with its modifier: left unread, a time not understood
TIME_NOUNS = [r"ensviiko\w*", r"ensviikol\w*", r"päivää?\s+(?:ennen|jälkeen)", r"päivä(?:n|ä)?\s+(?:ennen|jälkeen)",
              r"{N}\s+(?:viiko\w*|viikk\w*|vk|kuukau\w*|päivä\w*|pv)\s+(?:päästä|kuluttua|päähän|sisällä)",
              # a time moved by an amount ("siirtää tuntia myöhemmäksi"): which time, and to when, is staff's to see
              r"(?:{N}\s+|puoli\s+)?(?:tuntia|tunnin|tunnilla|tunti)\s+(?:myöhem\w*|aikaisem\w*|aiem\w*)",
              r"myöhemmäksi", r"aikaisemmaksi", r"aiemmaksi"]
EVERY_N = [r"{N}\s+(?:{W}|kuukau\w*)\s+väl(?:ein|in|ein\w*|illä)"]  # a rhythm with no name in CONTRACT: "kolmen viikon välein"
MONTH_WORDS = {
    "this": [r"tässä\s+kk", r"tämä\s+kuu", r"tässä\s+kuussa", r"tämän\s+kuun", r"kuluvan\s+kuun", r"tälle\s+kuulle"],
    "next": [r"ensi\s+kuu\w*", r"ensi\s+kk", r"ens\s+kuu\w*", r"seuraava\w*\s+kuu\w*", r"ensi\s+kuun"],
}

# {T1} {T2}: a clock time (hour, optional minutes)
# hours in words ("kello yhdeksän", "kahden jälkeen"), spoken forms too ("kahen")
HOUR_WORDS = {
    "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4, "viisi": 5,
    "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10,
    "yksitoista": 11, "yhdentoista": 11, "kaksitoista": 12, "kahdentoista": 12,
    "yhen": 1, "kahen": 2, "kuuen": 6, "seittemän": 7, "kaheksan": 8, "yheksän": 9,
    "yks": 1, "kaks": 2, "viis": 5, "kuus": 6, "ykstoista": 11, "kakstoista": 12, "yhentoista": 11, "kahentoista": 12,
    "ysi": 9, "ysin": 9, "kasi": 8, "kasin": 8, "seiska": 7, "seiskan": 7, "kybä": 10, "kybän": 10,
    # the partitive after "ennen" ("ei ennen kymmentä"); "yhtä" is left out, it is mostly "as" or "at once"
    "kahta": 2, "kolmea": 3, "neljää": 4, "viittä": 5, "kuutta": 6, "seitsemää": 7, "seittemää": 7, "kahdeksaa": 8,
    "kaheksaa": 8, "yhdeksää": 9, "yheksää": 9, "kymmentä": 10, "yhtätoista": 11, "kahtatoista": 12,
}
# hours in the cases that carry time by themselves: "kahdeksalta" (at), "kolmesta" (from), "viiteen" (until)
_HOURS = ["yhde", "kahde", "kolme", "neljä", "viide", "kuude", "seitsemä", "kahdeksa", "yhdeksä", "kymmene",
          "yhde|toista", "kahde|toista"]
_FRONT = {1, 4, 5, 7, 9, 10, 11}  # yhdeltä, neljältä: front vowels take -ltä, -stä
# a clock time in another time zone than Finland's ("klo 9 Ruotsin aikaa", "3pm UK time"): staff convert it
# after a month in the genitive, a thing of the writer's own or an event: the month is that event's, no wish
# ("syyskuun kehittämispäiväämme", "lokakuun pikkujouluihin", "kesäkuun lomani jälkeen")
EVENT_AFTER_MONTH = [r"[^\W\d_]{3,}(?:mme|nne|ni|nsa|nsä)", r"\w*(?:juhl|palaveri|kokouks|kokous|seminaari|tapahtum|messu|päivä(?:ä|än|ille|illä|llä|lle|nä|t))\w*"]
OTHER_ZONE = [r"(?:uk|englannin|britannian|lontoon|ruotsin|tukholman|keski-euroopan|saksan|usa:n|new\s+yorkin|itärannikon|länsirannikon|intian)\s+ai\w*",
              r"(?:uk|london|swedish|cet)\s+time", r"(?:cet|cest|gmt|utc|bst|est|edt|cst|pst|pdt)(?:\+\d+)?"]
# the writer at work at a time named: supervision is often in working hours ("olen töissä vain ma–ke, joten
# tapaamisten pitäisi osua niille päiville"), yet "iltapäivisin olen töissä" may mean busy; staff read which
AT_WORK = [r"(?:olen|oon|ollaan|olemme|ovat|on|olet)\s+(?:\w+\s+){0,2}(?:töissä|duunissa|töis)(?![\w])",
           r"(?:töissä|duunissa)\s+(?:olen|oon|ollaan|olemme)"]
MINUTE_WORDS = {"viisitoista": 15, "kaksikymmentä": 20, "kolmekymmentä": 30, "neljäkymmentä": 40, "neljäkymmentäviisi": 45,
                "viisikymmentä": 50}  # "kello kymmenen kolmekymmentä" = 10.30
HOUR_AT = {f"{s.partition('|')[0]}lt{'ä' if h in _FRONT else 'a'}{s.partition('|')[2]}": h for h, s in enumerate(_HOURS, 1)}
HOUR_AT.update({"ysiltä": 9, "ysilt": 9, "kasilta": 8, "kasilt": 8, "seiskalta": 7})  # spoken numerals
HOUR_AT.update({f"{s}lt": h for h, s in enumerate(_HOURS, 1) if "|" not in s})  # spoken: "kolmelt"
HOUR_FROM = {f"{s.partition('|')[0]}st{'ä' if h in _FRONT else 'a'}{s.partition('|')[2]}": h for h, s in enumerate(_HOURS, 1)}
# spoken Finnish drops the d ("yheltä", "kahesta", "kaheksalta") and says "seittemän"
_SPOKEN_HOURS = {1: "yhe", 2: "kahe", 6: "kuue", 7: "seittemä", 8: "kaheksa", 9: "yheksä", 11: "yhe|toista",
                 12: "kahe|toista"}
HOUR_AT.update({f"{s.partition('|')[0]}lt{'ä' if h in _FRONT else 'a'}{s.partition('|')[2]}": h
                for h, s in _SPOKEN_HOURS.items()})
HOUR_FROM.update({f"{s.partition('|')[0]}st{'ä' if h in _FRONT else 'a'}{s.partition('|')[2]}": h
                  for h, s in _SPOKEN_HOURS.items()})
HOUR_FROM.update({w[:-1]: h for w, h in list(HOUR_FROM.items()) if w.endswith(("sta", "stä"))})  # spoken "kahdest"
HOUR_TO = {w: h for h, w in enumerate(["yhteen", "kahteen", "kolmeen", "neljään", "viiteen", "kuuteen", "seitsemään",
                                       "kahdeksaan", "yhdeksään", "kymmeneen", "yhteentoista", "kahteentoista"], 1)}
# a word before an hour that moves it: "puoli yksitoista" = 10.30, "varttia vaille kolme" = 14.45
# "viittä vaille kymmenen" = 9.55, "kymmenen yli kaks" = 2.10; spoken "puol kaks" = 1.30
HOUR_MODIFIERS = {"puoli": (-1, 30), "puol": (-1, 30), r"varttia\s+vaille": (-1, 45), r"vartin\s+yli": (0, 15),
                  r"varttia\s+yli": (0, 15), r"(?:viittä|viis|viisi)\s+vaille": (-1, 55),
                  r"(?:kymmentä|kymmenen|kymppi)\s+vaille": (-1, 50), r"(?:kahtakymmentä|kakskyt)\s+vaille": (-1, 40),
                  r"(?:viis|viisi|viittä)\s+yli": (0, 5), r"(?:kymmenen|kymmentä|kymppi)\s+yli": (0, 10),
                  r"(?:kaksikymmentä|kakskyt)\s+yli": (0, 20)}
CLOCK = {
    "range": [r"(?:klo|kello)\.?\s*{T1}\s*(?:-|–|—|ja)\s*{T2}(?:\s*(?:välillä|välisenä\s+aikana))?",
              r"{T1}\s*(?:-|–|—)\s*{T2}\s+(?:välillä|välisenä\s+aikana)",
              r"{T1}\s+ja\s+{T2}\s+(?:välillä|välisenä\s+aikana|välinen\s+aika|välisen\s+ajan|väliltä)"],
    "after": [r"(?:klo|kello)\.?\s*{T1}(?::n|\.n|n)?\s+(?:jälkeen|jälkee|alkaen|lähtien|eteenpäin)", r"(?:klo|kello)\.?\s*{T1}\s*(?:->|→)",
              r"aikaisintaan\s+(?:klo|kello)?\.?\s*{T1}", r"{T1}\s*(?:->|→|eteenpäin)",
              r"(?:jälkeen|jälkee|alkaen)\s+(?:klo|kello)\.?\s*{T1}",
              r"{T1}(?::n)?\s+(?:jälkeen|jälkee|alkaen|lähtien)"],
    "before": [r"ennen\s+(?:klo|kello)?\.?\s*{T1}", r"viimeistään\s+(?:klo|kello)?\.?\s*{T1}", r"(?:klo|kello)\.?\s*{T1}(?::een|:ään)?\s+(?:asti|saakka|mennessä)"],
    "at": [r"(?:klo|kello)\.?\s*{T1}"],
}

# a day of the month as an ordinal in words ("kahdeksas maaliskuuta", "maaliskuun kahdeksantena päivänä")
_ORD_FI = ["ensimmäi|nen|senä|sen", "toi|nen|sena|sen", "kolma|s|ntena|nnen", "neljä|s|ntenä|nnen", "viide|s|ntenä|nnen",
           "kuude|s|ntena|nnen", "seitsemä|s|ntenä|nnen", "kahdeksa|s|ntena|nnen", "yhdeksä|s|ntenä|nnen",
           "kymmene|s|ntenä|nnen"]
_TEENS_FI = ["yhde|stoista|ntenätoista|nnentoista", "kahde|stoista|ntenatoista|nnentoista"]
DAY_WORDS: dict[str, int] = {}
for _n, _w in enumerate(_ORD_FI, 1):
    _stem, *_ends = _w.split("|")
    DAY_WORDS.update({_stem + _e: _n for _e in _ends})
for _n, _w in enumerate(_ORD_FI[2:9], 13):  # kolmastoista … yhdeksästoista
    _stem, *_ends = _w.split("|")
    DAY_WORDS.update({_stem + _e + "toista": _n for _e in _ends})
for _n, _w in enumerate(_TEENS_FI, 11):
    _stem, *_ends = _w.split("|")
    DAY_WORDS.update({_stem + _e: _n for _e in _ends})
DAY_WORDS.update({"kahdeskymmenes": 20, "kolmaskymmenes": 30, "kahdennenkymmenennen": 20, "kolmannenkymmenennen": 30})
DAY_WORDS.update({"kahdeskymmenes" + _w.split("|")[0] + _w.split("|")[1]: 20 + _n for _n, _w in enumerate(_ORD_FI[:9], 1)})
DAY_WORDS.update({"kolmaskymmenesensimmäinen": 31})

DATE_PATTERNS = [
    r"(?P<d>\d{1,2})\.?\s+(?P<mon>{MONTHS})(?:\s+(?P<y>20\d\d))?",
    r"(?P<mon>{MONTHS})\s+(?P<d>\d{1,2})\.?\s*päiv\w*",
    r"(?P<mon>{MONTHS})\s+(?P<d>\d{1,2})\.(?!\d)",
    r"(?P<dw>{DAYWORDS})\s+(?P<mon>{MONTHS})",
    r"(?P<mon>{MONTHS})\s+(?P<dw>{DAYWORDS})(?:\s+päiv\w*)?",
]

WEEK_OF = [r"viiko\w*,?\s+(?:jolla|joka\s+alkaa)\s+(?:on\s+)?(?P<d>\d{1,2})\.\s*(?P<mon>{MONTHS})",
           r"viiko\w*,?\s+(?:jolla|joka\s+alkaa)\s+(?:on\s+)?(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?"]
DAY_OF_MONTH = [r"(?P<d>\d{1,2})\.\s+päivä(?:nä|ksi|n|\w{0,3})?(?!\s+\w+kuu)"]
NEGATION = [
    # "aamut menee yleensä käynnistyspalavereissa": a part of the day spent on something else
    r"men(?:ee|evät|nään)\s+(?:yleensä\s+|usein\s+|aina\s+|lähes\s+aina\s+|useimmiten\s+)?\w{4,}(?:ssa|ssä)(?!\w)",
    r"poikkeu\w*", r"välttä\w*", r"vältet\w*", r"yövuoro\w*", r"mahdott\w*", r"mahdoton",
    r"(?:haen|hakee|haemme|noudan)\s+(?:\w+\s+)?(?:lapse\w*|lapset|lasta|muksu\w*|tytö\w*|pojan)",
    # "iltapäivisin meil on asiakkaita", "silloin mulla on palaveri": busy
    r"(?:on|ovat)\s+(?:yleensä\s+|aina\s+|usein\s+)?\w*(?:palavere|palaveri|kokouks|kokoukse)\w*",
    r"(?:meil(?:lä)?|mul(?:la)?|minulla|meillä)\s+(?:on\s+)?(?:\w+\s+)?(?:asiakkai\w*|asiakaskäyn\w*|palaveri\w*|kokou\w*|opetus\w*|oppitun\w*|vastaanot\w*|päivystys\w*)",
    r"e(?:i|n|mme|tte|ivät)(?:kä)?",
    # spoken "et" is also "että" ("esimies sano et mä voin varata", "suositteli et varaisin")
    r"et(?:kä)?(?!\s+(?:mä|mää|me|mun|mulle|meil\w*|mul\w*|meidä\w*|se|ne|hän|he|\w+(?:isin|isi|is|isit|isimme|isitte)(?![\w])))", r"mutt(?:ei|en)", r"(?<!pääsen\s)(?<!pääsee\s)(?<!lähden\s)pois(?!\s+(?:töistä|töiltä|toimistolta|työpaikalta))", r"paitsi", r"lukuun\s+ottamatta", r"päällekkäin", r"este\w*",
    r"hankal\w*", r"mahdoton\w*", r"täynnä", r"täysi", r"varattu\w*", r"poissa", r"\w*loma(?:t)?\s+(?:on|ovat|alkaa)", r"mökill\w*", r"mökil", r"\w*lomalla", r"\w*lomal", r"\w*lomil\w*",
    r"matkoilla", r"matkalla", r"koulutuksessa", r"kiirei\w*", r"ruuhkai\w*", r"kokouksi\w*", r"palavereissa", r"konferenssissa", r"kurssilla", r"asiakkailla", r"estynyt", r"estyneitä", r"kiinni", r"buukattu", r"bookattu",
]
# a correction: what was said just before is taken back ("tiistaina, ei kun keskiviikkona")
CORRECTION = [r"ei\s*kun", r"eiku", r"tai\s+siis", r"siis\s+ei", r"korjaus"]
# after "any day": the word that excepts what follows
BUT_EXCEPT = [r"mutta", r"mut", r"paitsi"]
# after a start time, how long the meeting is ("klo 12.30 alkaen puolitoista tuntia"): minutes, or a group
# (?P<h> hours, ?P<m> minutes) in digits
MEETING_LENGTH = {r"(?:noin\s+)?puolitoista\s+tunti\w*": 90, r"(?:noin\s+)?(?:yhden\s+)?tunni(?:n|ksi)": 60, r"(?:noin\s+)?tunti": 60,
                  r"(?:noin\s+)?(?:kaksi|kaks|kahden|kahdeksi)\s+tunti\w*": 120, r"(?:noin\s+)?puol(?:i|en)\s+tunti\w*": 30,
                  r"(?:noin\s+)?(?P<h>\d)\s*(?:h|t|tuntia|tunnin|tunniksi)": 0, r"(?:noin\s+)?(?P<m>\d{2,3})\s*min\w*": 0}
# a day said as a bound ("in crunch until the end of August, so … the first Monday of September") is no
# wish when the sentence names another day
# after a day, week or date: every day from the next one on ("ensi viikon jälkeen", "20.1. jälkeen")
# "from … on" before a month (a start month alone, "aloittaa helmikuussa", stays that month)
FROM_ON_BEFORE = []
START_BEFORE = []
# one visit said outright ("kokeilisimme nyt yhden kerran"); "kerran kuussa" is a rhythm, "yksi kerta maksaa" a price
HOUR_FOLLOWERS = None  # a Finnish hour takes its case ending ("kolmelta", "kahden jälkeen"): no word to check
SESSIONS_ONE = [r"(?:yhden|yhen)\s+(?:kerran|tapaamisen|käynnin)(?!\s+(?:kuussa|kuukaudessa|viikossa|vuodessa|maksa\w*|hin\w*))",
                r"(?:vain|vaan|ainoastaan|aluksi|ensin)\s+(?:yksi|yks)\s+(?:kerta|tapaaminen|käynti)(?!\s+(?:maksa\w*|kuussa))"]
# a time placed by an event whose date the writer knows and we do not: "pian sen jälkeen, kun uusi osastonhoitaja
# on aloittanut", "heti muutosneuvottelujen päätyttyä" (a sentence that names no time of its own goes to staff)
EVENT_ANCHOR = [r"(?:sen\s+)?jälkeen,?\s+kun", r"\w+n\s+\w{3,}(?:ttua|ttyä)(?!\s+(?:aika|aikaa|ajan|aja\w+|tapaami\w*|päivä\w*|kerta\w*|kerra\w*|vaihtoehto\w*))",
                r"kun\s+(?:\w+\s+){1,5}(?:on|ovat|ois|olisi|olis)\s+(?:\w+\s+)?(?:aloittanut|aloittaneet|alkanut|ohi|päättynyt|päättyneet|valmis|valmiit|valmistunut|saatu|selvillä|selvinnyt|ratkennut|loppunut|käynnistynyt|lukkoon)",
                r"heti\s+kun(?!\s+mahdollista)", r"sitten\s+kun", r"\w+(?:sten|jen|nnan|nnön|ksen|uksen)\s+jälkeen"]
# the start or the first meeting of what is booked
EVENT_START = [r"aloit\w*", r"alot\w*", r"aloitus\w*", r"alku\w*", r"ensimmäi\w*\s+(?:tapaami\w*|kerta\w*|kerra\w*|käynti\w*)", r"eka\w*\s+(?:tapaami\w*|kerta\w*|kerra\w*)", r"käynnist\w*"]
AFTER_SPAN_BEFORE = []
AFTER_SPAN_AFTER = [r"jälkeen"]
UNTIL_BEFORE = []
UNTIL_AFTER = [r"asti", r"saakka", r"mennessä"]
# before a town in the same sentence: where the writer works, not where to meet ("I work as receptionist … in Rovaniemi")
# a town in the same sentence after one of these is where the writer travels, no place to meet
TRAVEL = [r"\w*matka\w*", r"\w*reissu\w*", r"komennu\w*", r"konferenssi\w*", r"messu(?:i|ill|ille)\w*", r"lähden", r"lähdössä"]
WORKPLACE_BEFORE = [r"(?:esihenkilö|esimie|johtaja|päällikkö)\w*\s+(?:meidän|teidän)?", r"työskentelen", r"teen\s+töitä", r"olen\s+töissä", r"työpaikkani", r"työskentelemme", r"töissä"]
# a cancel or move the writer says she does not want: "En halua perua aikaa turhaan"
# or one told as past ("jouduimme perumaan tiimipalaverit")
NOT_WANTED = [r"(?:jouduimme|jouduin|jouduttiin|joutui|jouduitte|piti|täytyi)\s+(?:\w+\s+)?(?:peru\w*|siirt\w*)", r"en\s+(?:halua|haluaisi|tahdo)\s+(?:\w+\s+)?peru\w*", r"ei\s+(?:tarvitse|tarvi|tarttis)\s+(?:\w+\s+)?peru\w*", r"en\s+(?:halua|haluaisi)\s+(?:\w+\s+)?siirt\w*"]
# "otan yhteyttä uudesta ajasta myöhemmin", "koulutus, jota en voi siirtää": no move asked for now
LATER = [r"otan\s+(?:\w+\s+)?yhteyttä", r"palaan\s+(?:\w+\s+){0,2}asiaan", r"varaan\s+(?:\w+\s+){0,3}(?:myöhemmin|itse)", r"ilmoittelen", r"ilmottelen",
         r"(?:en|ei|emme|jota\s+en|jota\s+ei)\s+(?:\w+\s+)?(?:voi|pysty|saa)\w*\s+siirt\w*"]  # "koulutus, jota en voi siirtää"
# a sentence that begins so asks only for days after the ones said before it
AFTER_THAT = [r"sen\s+jälkeen", r"siitä\s+eteenpäin", r"sitten\s+sen\s+jälkeen", r"sen\s+jälkeen\s+taas"]
# before a number range: school grades, not a clock ("åk 7–9", "luokat 7–9")
NOT_TIME_BEFORE = [r"osasto(?:lla|lle|lta|n|ssa|lta)?", r"os\.", r"kerros", r"kerroksessa", r"huone(?:essa)?", r"talo", r"luokat?", r"luokille", r"luokkien", r"luokilla", r"luokkalaise\w*", r"vuosiluok\w*"]
# a sentence that begins so excludes, as the one before it did ("Samoin torstaiaamupäivät.")
LIKEWISE = [r"samoin", r"sama\s+koskee", r"myöskään", r"eikä\s+myöskään", r"kuten\s+myös"]
# a clause that tells another meeting's own schedule is neither a wish nor busy time, just context:
# "johtoryhmä kokoontuu maanantaisin", "daily on joka aamu klo 9.15"
OTHER_EVENT = [r"(?:lukuvuo\w*|lukukau\w*|kausi|tilikausi|projekti|sopimus|jakso|koulu|koulut|syyslukukausi|kevätlukukausi)\s+(?:päättyy|loppuu|alkaa|päättyvät|alkavat)", r"kokoontu\w*", r"(?:daily|dailyt|\w*palaveri|\w*palaverit|\w*kokous|\w*kokoukset)\s+(?:on|ovat|pidetään|alkaa)"]
CONSEQUENCE = [r"silloin(?=\s+(?:ei|en|emme|eivät)(?!\w))", r"sillon(?=\s+(?:ei|en)(?!\w))", r"joten", r"eli", r"niin\s+(?:se|ne|ei)", r"siksi", r"minkä\s+vuoksi"]  # "…, joten se ei käy"
GREETINGS = [r"hyvää\s+\w+", r"mukavaa\s+\w+", r"aurinkoista\s+\w+", r"rauhallista\s+\w+", r"hyvät\s+\w+"]
REASON = [r"kun?\s+(?:\w+\s+)?(?:meil(?:lä)?|mul(?:la)?|minulla|meillä|oon|olen|ollaan|olemme)(?!\w)", r"silloin\s+(?:oon|olen|on|ollaan|olemme|meillä|minulla|mulla|hänellä)", r"koska(?!\s+(?:vaan|vain|tahansa))", r"sillä", r"kun\s+(?:ollaan|olemme|olen|meillä|minulla)", r"siksi\s+että"]
PAST = [r"käynyt", r"käyneet", r"käyty", r"olleet",
    # the passive past: "sovittiin", "otettiin käyttöön", "juteltiin" (not "kuntiin", an illative)
    r"\w{2,}ttiin", r"(?:men|tul|jutel|käy|näh|saa|teh|voi|pää)tiin",
    r"viime(?!i)\w*", r"viimeksi", r"(?:viiko\w*|kuukau\w*|vuo\w*|päiv\w*|aikaa)\s+sitten", r"oli", r"olivat", r"olin", r"olimme", r"pidettiin", r"peruttiin",
    r"peruuntui", r"aloitimme", r"aloitin", r"aloitti", r"kävin", r"kävimme", r"saimme", r"sain", r"alkoi",
    r"päättyi", r"tapasimme", r"olleet", r"ollut", r"aiemmin", r"aikaisemmin",
]
LAST = [r"viime", r"viimeisimpänä", r"mennyt\w*"]
# a day mention followed by one of these names the booked appointment, not a wish
BOOKED_REF = [r"\w*aja[nl]\w*", r"varat(?:tu|un|tua|tuun|tuna)\w*", r"\w*aikani", r"\w*aikamme", r"\w*aikaa", r"varau\w*", r"tapaami\w*",
              r"\w*kerta\w*", r"\w*kerra\w*", r"käynti\w*"]
BOOKED_BEFORE = [r"(?:minulla|meillä|mulla|meil|mul)\s+on\s+(?:\w+\s+){0,2}(?:aika|työnohjau\w*|tapaaminen|varaus|ryhmä)\s+(?:teillä\s+)?(?:ens|ensi|nyt|tulevana)?\s*\x00", r"(?:aikani|aikamme|varaukseni|varauksemme|tapaamisemme|tapaamiseni)\s+\x00"]
ANY_TIME = [r"mikä\s+(?:tahansa|vaan|vain)(?=\s+(?:aamu|aamupäivä|iltapäivä|ilta)(?!\w))", r"mikä\s+(?:tahansa|vaan|vain)\s+päivä", r"mikä\s+päivä\s+(?:vaan|vain)", r"mikä\s+(?:tahansa|vaan|vain)\s+arkipäivä", r"mihin\s+aikaan\s+vaan", r"mikä\s+päivä\s+tahansa", r"mikä\s+aika\s+vaan", r"koska\s+vaa", r"mihin\s+vaa", r"mikä\s+tahansa\s+aika", r"koko\s+päivän", r"koko\s+päivä", r"koska\s+(?:vaan|vain|tahansa)",
            r"mihin\s+aikaan\s+tahansa", r"mihin\s+aikaan\s+vain", r"milloin\s+vain", r"milloin\s+tahansa", r"kaikki\s+ajat\s+käyvät", r"mikä\s+vain\s+aika",
            r"aikataulu\w*\s+(?:on\s+)?(?:täysin\s+)?joustava", r"joustava\w*\s+aikataulu\w*",
            r"(?:kellon)?aja(?:lla|sta)\s+ei\s+(?:ole|oo|o)\s+(?:niin\s+|mitään\s+|kauheesti\s+)?(?:väliä|merkitystä)"]
ASAP = [r"mahollisimman\s+pian", r"mahdollisimman\s+pian", r"mahdollisimman\s+nopeasti", r"pikaisesti", r"heti\s+kun\s+mahdollista",
        r"asap", r"ensimmäinen\s+vapaa", r"ensimmäiseen\s+vapaaseen"]
HOLIDAYS = [r"kun\s+(?:lapset|muksut|kakarat)\s+(?:on|ovat|ois|olisivat)?\s*(?:taas\s+)?(?:palannu\w*\s+)?koulu\w*", r"koulu(?:jen|t)?\s+(?:alka\w*|alettua)", r"koulujen\s+alettua",
            r"sama(?:an|na|)\s+aika(?:an)?\s+kuin\s+(?:viimeksi|edellise\w*\s+kerra\w*|ennenkin|aiemmin|viime\s+kerra\w*)",
            r"samaan\s+aikaan\s+kuin\s+\w+", r"samaan\s+aikaan\s+(?:seuraava\w*|sitä\s+seuraava\w*|viikkoa\s+myöhemmin)", r"lomien\s+jälkeen", r"pyhien\s+jälkeen", r"uuden\s+vuoden\s+jälkeen", r"joulun\s+ja\s+uuden\s+vuoden", r"\w+-\w+kuun\s+vaihtee\w*", r"kuun\s+vaihtee\w*", r"vuodenvaihtee\w*", r"pääsiäi\w*", r"juhannu\w*", r"joulun\s+(?:jälkeen|alla|välipäiv\w*|aikaan)", r"välipäivi\w*",
            r"loppiai\w*", r"vapun\s+\w+", r"vappuna", r"vappuaat\w*", r"vappupäivä\w*",
            # "sama aika ja paikka sopii", "samalla tavalla kun viimeks": an earlier booking staff look up
            r"sama\w*\s+aika\w*\s+ja\s+paikka\w*", r"samalla\s+tavalla\s+(?:kuin|kun|ku)\s+(?:viimeksi|viimeks|viime\s+kerralla|ennenkin)",
            r"ennen\s+(?:joulua|uutta\s+vuotta|vappua|pääsiäistä|juhannusta|itsenäisyyspäivää)",
            r"(?:heti\s+)?uuden\s+vuoden\s+(?:alu\w*|alku\w*|puolella)", r"vuoden\s+alu(?:ssa|sta|lla)", r"hiihtolom\w*", r"syyslom\w*", r"kesälom\w*", r"joululom\w*", r"talvilom\w*", r"pääsiäislom\w*", r"uudenvuoden",
            r"ensi\s+(?:keväänä|keväällä|syksynä|syksyllä|kesänä|kesällä|talvena|talvella)",
            r"(?:tänä|tulevana)\s+(?:keväänä|syksynä|kesänä|talvena)", r"kevää\w*\s+aikana", r"keväällä"]

NUMBERS = {"kaks": 2, "kahdesta": 2, "kolmesta": 3, "neljästä": 4, "viidestä": 5, "viis": 5, "kuudesta": 6, "kuus": 6, "seitsemästä": 7, "seittemän": 7, "kahdeksasta": 8, "kaheksan": 8, "yhdeksästä": 9, "yheksän": 9, "kymmenestä": 10, "kahdelle": 2, "kolmelle": 3, "neljälle": 4, "viidelle": 5, "kuudelle": 6, "seitsemälle": 7, "kahdeksalle": 8, "kymmenelle": 10,
    "yksi": 1, "yhden": 1, "yhtä": 1, "kaksi": 2, "kahden": 2, "kahta": 2, "pari": 2, "parin": 2,
    "kolme": 3, "kolmen": 3, "kolmea": 3, "neljä": 4, "neljän": 4, "neljää": 4, "viisi": 5, "viiden": 5,
    "viittä": 5, "kuusi": 6, "kuuden": 6, "kuutta": 6, "seitsemän": 7, "seitsemää": 7, "kahdeksan": 8,
    "kahdeksaa": 8, "yhdeksän": 9, "yhdeksää": 9, "kymmenen": 10, "kymmentä": 10, "yksitoista": 11,
    "yhdentoista": 11, "kaksitoista": 12, "kahdentoista": 12, "kolmetoista": 13, "kolmentoista": 13,
    "neljätoista": 14, "neljäntoista": 14, "viisitoista": 15, "viidentoista": 15, "kuusitoista": 16,
    "kuudentoista": 16, "seitsemäntoista": 17, "kahdeksantoista": 18, "yhdeksäntoista": 19,
    "kaksikymmentä": 20, "kahdenkymmenen": 20,
}
ORDINALS = {"ensimmäinen": 1, "ensimmäistä": 1, "eka": 1, "toinen": 2, "toista": 2, "toka": 2, "kolmas": 3,
            "kolmatta": 3, "neljäs": 4, "neljättä": 4, "viides": 5, "viidettä": 5}
CHOICE_NUMBERS = {
    "jälkimmäinen": -1, "jälkimmäinen vaihtoehto": -1, "jälkimmäinen aika": -1, "myöhempi": -1,
    "myöhäisempi": -1, "edellinen vaihtoehto": 1, "aikaisempi": 1,
    "ykkönen": 1, "ykkösvaihtoehto": 1, "ykkösaika": 1, "ensimmäinen vaihtoehto": 1, "eka vaihtoehto": 1,
    "ensimmäinen aika": 1, "ykkösen": 1, "kakkonen": 2, "kakkosvaihtoehto": 2, "kakkosaika": 2,
    "toinen vaihtoehto": 2, "toka vaihtoehto": 2, "kakkosen": 2, "kolmonen": 3, "kolmosvaihtoehto": 3,
    "kolmas vaihtoehto": 3, "kolmosen": 3, "kolmosaika": 3, "nelonen": 4, "neljäs vaihtoehto": 4,
    "vitonen": 5, "viimeinen vaihtoehto": -1, "viimeisin vaihtoehto": -1, "eka": 1, "toka": 2,
    **{f"{word} {noun}": n for word, n in (("ensimmäinen", 1), ("toinen", 2), ("kolmas", 3), ("neljäs", 4),
                                            ("viimeinen", -1), ("eka", 1), ("toka", 2))
       for noun in ("aika", "ajankohta", "ehdotus", "vaihtoehto", "ehdottamanne aika")},
}
# a proposed time named by its hour in words: "se yhdentoista aika", "kolmen vaihtoehto"
CHOICE_HOUR = [r"(?P<hw>{HW})\s+(?:aika|ajan|aikaan|aikana|vaihtoehto|vaihtoehdon)", r"(?:se|tuo)\s+(?P<hw>{HW})(?!\s+\w*kerta)"]
CHOICE_ANY = [r"kumpi\s+tahansa", r"mikä\s+tahansa(?:\s+niistä|\s+noista|\s+näistä)?", r"kaikki\s+käyvät",
              r"molemmat\s+käyvät", r"kummatkin", r"kumpikin", r"mitkä\s+tahansa"]

INTENT = {
    "confirm": [r"\w*\s*sopii", r"sopivat", r"käy(?:\s+\w+)?\s+(?:hyvin|mainiosti|minulle|meille)", r"käy", r"otan",
                r"otamme", r"valitsen", r"valitsemme", r"varaan", r"varaamme", r"kiitos\s+\w*\s*ehdotuks\w*",
                r"hyvä", r"passaa", r"sopis", r"kelpaa"],
    "decline": [r"(?:kaikki\s+)?liian\s+(?:aikai?s\w*|aikaisia|myöhä\w*|myöhäisiä)", r"mikään\s+(?:\w+\s+)?(?:ei|eivät)", r"ei\s+mikään", r"eivät\s+käy", r"eivät\s+sovi",
                r"ei\s+(?:\w+\s+)?(?:käy|sovi|onnistu)", r"kumpikaan\s+ei", r"kaikki\s+\w*\s*(?:ovat\s+)?hankal\w*",
                r"ei\s+valitettavasti", r"nuo\s+eivät"],
    "cancel": [r"peru(?:n|taan|a|mme|ta|tava|maan|utan|utamme|uttaa|uttaisin|isin|tavaksi|ttava|an)",
               r"perumaan", r"peruttava", r"peruutan", r"peruutamme", r"peruuttaa", r"peruutus\w*",
               r"perua", r"peruisin", r"en\s+pääsekään", r"joudun\s+perumaan", r"joudumme\s+perumaan",
               r"jätän\s+väliin", r"perutaan"],
    "reschedule": [r"siirt(?:ä|o)\w*", r"siirre\w*", r"siirrettä\w*", r"siirrettyä", r"vaihtaa\s+(?:\w+\s+)?ai\w*", r"vaihtaa\s+toiseen", r"muuttaa\s+(?:\w+\s+)?aika\w*",
                   r"toiseen\s+aikaan", r"uuteen\s+aikaan", r"uusi\s+aika\s+tilalle", r"vaihdettua"],
    "request": [r"haluaisi\w*", r"halua\w*", r"varata", r"varaamaan", r"varaisin", r"varaisimme", r"tarvis\w*",
                r"tarvitsi\w*", r"kaipaisi\w*", r"kaipaa\w*", r"toivoisi\w*", r"toive\w*", r"saisinko",
                r"saisimmeko", r"onnistuisiko", r"sopisiko", r"pyydämme", r"voisimmeko", r"aloittaa",
                r"olisiko\s+\w*\s*aikaa", r"tilaa", r"aika\w*\s+(?:vapaana|tarjolla)", r"varauks\w*"],
    "question": [r"miten\s+(?:tämä|se)\s+toimii", r"kuka\s+maksaa", r"sairauslomal\w*", r"(?:voiko|voisiko|saako|voiks|saisiko)\s+(?:\w+\s+){0,2}(?:kollega\w*|työkaveri\w*|työtoveri\w*|esihenkilö\w*|esimie\w*)\s+(?:\w+\s+)?(?:tulla|osallistua|olla\s+mukana|mukaan)", r"hin\w*", r"maks\w*", r"kust\w*", r"lasku\w*", r"laskut\w*", r"veloit\w*", r"verkkolasku\w*",
                 r"mitä\s+(?:on|tarkoittaa)", r"mikä\s+on\s+työnohjaus", r"onko\s+\w+\s+(?:terapia\w*|sama)",
                 r"lähete\w*", r"sisälty\w*", r"korvaa\w*", r"kela\w*", r"sopimu\w*", r"arvonlisävero\w*", r"alv"],
    "other": [r"uutiskirje\w*", r"tilaa\s+uutiskirje", r"peru\s+tilaus", r"webinaari\w*", r"alennus\w*",
              r"tarjous\w*", r"kampanja\w*"],
    "domain": [r"\w*työnohjau\w*", r"\w*ohjau\w*", r"ohjaaja\w*", r"aja[nt]\w*", r"aika\w*", r"tapaami\w*",
               r"ajanvara\w*"],
}

SERVICE = {
    "individual": [r"yksilö\w*", r"yksilöllis\w*", r"henkilökohtai\w*\s+työnohjau\w*", r"oma\w*\s+työnohjau(?!s?ryhm)\w*"],
    "group": [r"ryhmä(?:työnohjau|ohjau)\w*", r"tiimi(?:työnohjau|ohjau)\w*", r"työyhteisö(?:työnohjau|ohjau)\w*",
              r"ryhmänohjau\w*", r"tiimin\s+työnohjau\w*", r"ryhmän\s+työnohjau\w*", r"työyhteisön\s+työnohjau\w*",
              r"yhteisö(?:työnohjau|ohjau)\w*", r"työnohjausryhm\w*"],
    "leader": [r"johdon\s+työnohjau\w*", r"johto(?:työnohjau|ohjau)\w*", r"esihenkilö(?:työnohjau|ohjau)\w*",
               r"esihenkilön\s+työnohjau\w*", r"esimie\w*työnohjau\w*", r"esimiehen\s+työnohjau\w*",
               r"johtajan\s+työnohjau\w*", r"johtoryhmän\s+työnohjau\w*", r"johtamisen\s+työnohjau\w*",
               r"esihenkilöiden\s+työnohjau\w*", r"johtaji\w*\s+työnohjau\w*"],
    # implied by who it is for
    "individual_implied": [r"(?:haluaisin|haluan|tahtoisin|voisin|voisinko)\s+itse\s+(?:käydä|osallistua|päästä|aloittaa)", r"(?:vain|pelkästään|ainoastaan)\s+(?:minulle|mulle|itselleni)", r"ihan\s+itelle\w*", r"itelle", r"ittelle", r"ite\s+siis", r"ite\s+vaan", r"mulle\s+ite\w*", r"omaan\s+jaksamisee\w*", r"itselleni", r"itelleni", r"ittelleni", r"mulle\s+itelle", r"minulle\s+itselleni", r"itseäni\s+varten", r"omaa\s+työnohjausta"],
    "group_implied": [r"osastomme", r"osastollemme", r"meidän\s+osasto\w*", r"koko\s+(?:osasto|yksikkö|henkilöstö|henkilökunta|työyhteisö|porukka|tiimi)\w*", r"yksiköllemme", r"henkilökunnalle\w*", r"henkilökuntamme", r"hoitaja(?:t|tiimi\w*)", r"[\w-]*\w+tiimi(?:mme|llemme|lle|mmelle|llemme)", r"pienryhm\w*", r"ryhmänä", r"yhteistä\s+työnohjau\w*", r"työporukka\w*", r"\w*porukka(?:mme)?", r"kollegoille\w*", r"tiimille\w*", r"tiimimme", r"ryhmälle\w*", r"työyhteisöll\w*", r"koko\s+tiimi\w*",
                      r"meidän\s+tiimi\w*", r"porukalle", r"tiimi\s+(?:kaipai|tarvi|halua|toivo)\w*", r"henkilöstölle\w*", r"työporukalle"],
    "leader_implied": [r"(?:uusi|uus)\s+\w*(?:esihenkilö|esimies|johtaja|päällikkö|osastonhoitaja|hoitaja|rehtori)\w*", r"(?:aloitin|aloittanut|nimitettiin|valittiin)\s+(?:juuri\s+)?(?:\w+\s+)?(?:esihenkilö|esimie|johtaja|päällik|osastonhoitaja|rehtori)\w*", r"uutena\s+\w*(?:johtaja|päällikkö|osastonhoitaja)\w*", r"johtoryhmä\w*", r"uudessa\s+(?:esihenkilö|johto)\w*\s*roolissa", r"(?:olen|oon|toimin)\s+(?:uusi\s+|uus\s+|uutena\s+|vasta\s+)?(?:esihenkilö|esimies|johtaja|päällikkö)\w*",
                       r"uutena\s+esihenkilönä", r"(?:aloitin|toimin|työskentelen)\s+\w*\s*(?:esihenkilö|esimie|johtaja)\w*",
                       r"esihenkilönä", r"esimiehenä", r"työnjohtajana", r"(?:esimies|esihenkilö|johtaja)rooli\w*", r"työnohjau\w*\s+(?:esimiehille|esihenkilöille|johtajille)", r"(?:tiiminvetäjäksi|esihenkilöksi|esimieheksi|päälliköksi)", r"esihenkilötyö\w*", r"johtoryhmällemme", r"johtoryhmälle"],
}
MODE = {
    "remote": [r"etä\w*", r"teams\w*", r"zoom\w*", r"video\w*", r"verkossa", r"verkon\s+kautta", r"puhelimitse",
               r"puhelimessa", r"puhelinaika\w*", r"online", r"etänä", r"virtuaali\w*", r"meet(?!ing)\w*", r"remote\w*"],
    "onsite": [r"tul(?:la|isi|is|isitte|kaa)\s+(?:\w+\s+)?meille", r"meidän\s+luokse", r"meille\s+\w+lle", r"läsnä\w*", r"lähitapaami\w*", r"lähiohjau\w*", r"paikan\s+päällä", r"paikan\s+päälle",
               r"kasvokkain", r"kasvotusten", r"toimipistee\w*", r"toimitilo\w*", r"luoksenne", r"luoksesi",
               r"vastaanotolle\w*", r"vastaanotollanne", r"tiloissanne", r"tiloihinne", r"paikan\s+päältä",
               r"omissa\s+tiloissamme", r"meidän\s+tiloissamme", r"tiloihimme", r"tiloissamme", r"luoksemme", r"toimistollenne", r"toimistollanne", r"toimistoonne", r"toimistossanne"],
}
_MODE_WORD = r"(?:etä\w*|läsnä\w*|lähi\w*|paikan\s+pääl\w*|kasvo\w*|teams\w*|livenä|paikan\s+päälle)"
# "joko keskiviikkona tai torstaina" is about days; only a choice between modes leaves the mode open
MODE_EITHER = [r"(?<!ajalla\s)(?<!päivällä\s)(?<!kohdalla\s)ei\s+(?:ole\s+)?väliä", r"kumpi\s+tahansa", r"molemmat\s+käyvät", r"etä-\s+ja\s+lähi\w*",
               rf"joko\s+{_MODE_WORD}\s+tai", rf"joko\s+\w+\s+tai\s+{_MODE_WORD}",
               # "ihan sama onko teamsissa vai livenä"
               rf"(?:ihan\s+)?sama\s+(?:onko|olisko|oisko|olisiko)\s+(?:\w+\s+){{0,2}}{_MODE_WORD}\s+vai"]

CADENCE = {
    "weekly": [r"(?<!bi)(?<!bi-)weekly", r"viikoittain", r"kerran\s+viikossa", r"joka\s+viikko", r"joka\s+viikolla", r"viikottain",
               r"kerran\s+viikkoon"],
    "biweekly": [r"bi-?weekly", r"joka\s+toi(?:nen|sena|sella|seen)\s+\w+(?:tai|ko)\w*", r"joka\s+toinen\s+viikko", r"joka\s+toisella\s+viikolla", r"kahden\s+viikon\s+välein", r"kahen\s+viikon\s+välein",
                 r"2\s+viikon\s+välein", r"joka\s+toiselle\s+viikolle", r"parin\s+viikon\s+välein"],
    "monthly": [r"monthly", r"(?<!puolentoista\s)(?<!kahden\s)(?<!kolmen\s)(?<!parin\s)kuukauden\s+välein", r"kerran\s+kuussa", r"kerran\s+kuukaudessa", r"kuukausittain", r"joka\s+kuukausi",
                r"kerran\s+kuukauteen", r"joka\s+kuu"],
}
# {N}: a number (digits or a number word)
SESSIONS = [r"{N}\s*(?:\(\d+\)\s*)?(?:\w*kerra(?:sta|lla|lle|ksi|t)|\w*kerro(?:ista|ille|iksi)|\w*kerta\w*|\w*kertaa|kertoo|tapaamis\w*|tapaamista|käynti\w*|käyntiä|sessio\w*|istun\w*)",
            r"(?:tapaamisia|kertoja|käyntejä|istuntoja)\s+(?:olisi\s+)?(?:yhteensä\s+)?{N}"]
PARTICIPANTS = [r"(?:ollaan|olemme)\s+{N}(?:\s+(?!vuo|viik|kuuk|päiv|tunt|kert|minuu)\w+)?(?![\w])", r"{N}\s*(?:\(\d+\)\s*)?\w+(?:aamme|äämme|iamme|iämme)(?=\s+(?:toivo|halua|tarvi|kaipaa|osallistu|tulee|tulisi))", r"{N}\s+tyyppi\w*", r"meitä\s+(?:ois|on|olis)\s+{N}", r"{N}\s*(?:\(\d+\)\s*)?(?:henke\w*|henge\w*|\w*henkilö\w*|hlö\w*|hengen|\w*työntekijä\w*|\w*hoitaja\w*|"
                r"osallistuja\w*|jäsen\w*|kuski\w*|sossu\w*|kollega\w*|\w*opettaja\w*|\w*ohjaaja\w*|ihmis\w*|hengen|"
                r"[^\W\d_]{3,}(?:ja|jä)(?:a|ä|t)?(?![\w]))",
                r"meitä\s+(?:on|olisi|tulisi|olisi\s+mukana|on\s+mukana|on\s+edelleen|on\s+yhteensä)\s+{N}",
                r"(?:porukkaa|väkeä|meitä|osallistujia|ihmisiä)\s+(?:on|olis|olisi|tulee|tulis|tulisi)\s+(?:yhteensä\s+)?{N}",
                r"(?:ryhmä|tiimi|ryhmässä|tiimissä|ryhmäämme|tiimiimme)\w*\s+(?:on\s+|kuuluu\s+)?{N}\s+(?:henke|henkilö|jäsen)\w*",
                r"(?:johtoryhmä|tiimi|ryhmä|työyhteisö)\w*\s*\({N}",
                # "kahdeksan hengen tiimi", but "yksi 90 minuutin ryhmäkerta" is a length
                r"{N}\s+(?!(?:minuutin|tunnin|viikon|kuukauden|päivän|vuoden|kerran)\s)[^\W\d_]{3,}n\s+(?:tiimi|ryhmä|porukka|osuuskunta|työyhteisö|yksikkö|osasto|yhteisö)\w*",
                # the people booked for, told apart ("vuorovastaaville. Heitä on kymmenen.")
                r"heitä\s+(?:on|olisi|ois|olis|tulee|tulisi)\s+(?:yhteensä\s+)?{N}",
                # "meitä on keittiössä ja salissa yhteensä yhdeksän"
                r"(?:meitä|heitä|porukkaa|väkeä)\s+(?:on|ois|olis|olisi)\s+(?:[^\W\d_]+\s+){1,4}yhteensä\s+{N}"]
# after a head count: the people the writer leads, not who attends
# the writer and N others: N + 1 attend ("minä ja neljä muuta ohjaajaa", "mä + 3 kollegaa")
WITH_WRITER = [r"(?:minä|mä|mie|itse|allekirjoittanut)\s+(?:ja|sekä|\+)\s+{N}\s+(?:muu\w*|kollega\w*|työkaveri\w*|[^\W\d_]{3,}(?:ja|jä)(?:a|ä|t))(?![\w])"]
# a stated total is the count, whatever the parts before it ("12 työntekijää … yhteensä 13")
# a price right after a count of sessions: billed, not wanted ("kolme kertaa à 95 €")
PRICE_AFTER = [r"(?:à|á|@|a)\s*(?:€\s*)?\d+(?:[.,]\d+)?\s*(?:€|eur\w*|euro\w*)?", r"(?:hintaan|hinnalla)\s+\d+"]
TOTAL = [r"yhteensä(?:\s+noin)?", r"kaikkiaan", r"kaikkineen", r"kaiken\s+kaikkiaan"]
LEADS_AFTER = [r"vetäjä\w*", r"esihenkilö(?:nä|ksi)", r"esimiehe(?:nä|ksi)", r"alaise\w*", r"johdettava\w*", r"joita\s+johdan", r"joiden\s+esihenkilö\w*"]
LEADS = [r"(?:koulu|yksikö|organisaatio|yritykse|firma|talo|virasto|kunna|koulussa)\w*\s+on(?:\s+noin|\s+yhteensä)?", r"vastuulla(?:ni)?(?:\s+on)?(?:\s+nyt)?(?:\s+noin)?", r"alaisinani", r"vastaan\s+\w*", r"johdan", r"vedän", r"johtamani\w*", r"esihenkilönä\s+\w*", r"esimiehenä\s+\w*", r"johtajana\s+\w*", r"alaisi\w*"]
# a name right after one of these (a word or two may come between) or right before the second list
SUPERVISOR_BEFORE = [r"kehu\w*", r"suosittel\w*", r"mieluummin", r"(?:työn)?ohjaaja\w*", r"mielellään", r"mielellämme", r"suositteli\w*", r"toivoisi\w*", r"haluaisi\w*", r"mieluiten"]
SUPERVISOR_AFTER = [r"(?:ja\s+)?(?:kehu\w*|suosittel\w*)\s+(?:häntä|hänen|sitä|tosi|kovasti|lämpimästi)", r"(?:ois|olisi|olis|on)\s+(?:\w+\s+)?(?:tilaa|aikaa|vapaata|vapaita\s+aikoja)", r"ja\s+(?:hänen|hänellä)\s+(?:kanssaan|jatka\w*)", r"(?:hänen|häntä)\s+(?:kanssaan|toivo\w*)", r"kanssa", r"ohjauksessa", r"ohjauksella", r"ohjaaja\w*", r"luona", r"luokse", r"vastaanotolle",
                     # "on aiemmin käynyt Sari Koskisella ja toivoisi samaa ohjaajaa"
                     r"ja\s+(?:toivo|halua)\w*\s+sama\w*"]

REVIEW = {
    "complaint": [r"kosket\w*\s+(?:minua|mua|minuun)", r"kommentoi\w*\s+(?:\w+\s+){0,3}ulkonäk\w*", r"ulkonäköä\w*",
                  r"en\s+halua\s+(?:enää\s+)?(?:tavata|nähdä)\s+(?:häntä|sitä|heitä)", r"ei\s+(?:ole\s+)?ollut\s+hyvä", r"huono\w*\s+kokemu\w*", r"myöhästy\w*", r"ei\s+kuuntele\w*", r"en\s+ole\s+tyytyväi\w*", r"(?:vaihtaa|vaihtaisin|vaihdon)\s+(?:\w+\s+)?(?:ohjaaja\w*|työnohjaaja\w*)", r"(?:toise\w*|uude\w*)\s+(?:työn)?ohjaaja\w*", r"ohjaaja\w*\s+vaihto\w*", r"epäammatillis\w*", r"loukkaav\w*", r"töykeä\w*", r"ei\s+toiminut", r"pettyny\w*", r"harmitta\w*", r"ärsyttä\w*", r"turhautu\w*", r"suuttu\w*", r"tyytymätön\w*", r"valitu\w*", r"hyvit\w*", r"reklamaatio\w*", r"epäasiallis\w*",
                  r"kohtuuton\w*", r"en\s+hyväksy", r"väärin\s+laskutet\w*"],
    "contact": [r"soittakaa\s+\w*", r"soitatteko", r"soittaisitteko", r"pyytäisin\s+soittoa", r"soittopyyn\w*", r"voisitteko\s+soittaa", r"soittaa\s+(?:minulle|mulle|meille)", r"soitto\s+(?:minulle|mulle)", r"soitelkaa", r"ottaa?\s+(?:minuun|meihin)\s+yhteyttä", r"ottaisi\s+(?:minuun|meihin)\s+yhteyttä",
                r"soittaisi\w*", r"soittakaa", r"soitatte", r"yhteydenott\w*\s+toive"],
    "not_supervision": [r"\w*terapi\w*", r"\w*lääkäri\w*", r"\w*psykiatri\w*", r"\w*psykologi\w*",
                        r"hieroja\w*", r"\w*fysioterap\w*", r"ergonomia\w*", r"ergonomi(?:kartoitu|arvi|tarkast)\w*", r"rokot\w*", r"terveystarkast\w*"],
    "several": [r"(?:kumpikin|kukin|molemmat)\s+(?:\w+\s+)?omat?\s+(?:tapaami\w*|aja\w*|aika\w*|käynni\w*)", r"kahden\s+(?:\w+\s+)?(?:työntekijä\w*|henkilö\w*|alaise\w*|kollega\w*)\s+(?:\w+\s+)?toive\w*", r"(?:molemmat|kumpikin)\s+(?:\w+\s+){0,3}(?:toivo\w*|halua\w*)\s+(?:\w+\s+)?(?:yksilö\w*|oma\w*|erikseen)", r"kummallekin\s+(?:oma\w*|erikseen|omat)", r"molemmille\s+(?:oma\w*|erikseen|omat)", r"(?:kumpikin|kukin|molemmat)\s+(?:\w+\s+)?oma(?:n|t|nsa|ansa)?\s+\w*(?:tapaami|aja|aika|käynn|käynti|ryhm|ohjau)\w*", r"(?:pitää|pidetään|pitäisi|halutaan\s+pitää)\s+erillään", r"molemmista\s+(?:\w+\s+)?varaukse\w*"],
    "crisis": [r"(?:helpompaa|helpompi|parempi)\s+(?:\w+\s+){0,3}jos\s+(?:\w+\s+){0,2}(?:katoaisin|häviäisin|kuolisin|olisin\s+poissa)",
               r"(?:tuskin|en\s+juuri)\s+nuku\w*", r"(?:en|ei|ettei|etten|enkä)\s+(?:enää\s+)?(?:halua|haluis|haluisi|haluaisi|jaksa)\s+(?:\w+\s+){0,2}(?:elää|herätä|olla\s+olemassa|jatkaa\s+elämää)",
               r"e(?:n|i)(?:\s+(?:oikein|enää|vaan|vain|tässä|kyllä|ihan|niinku|yhtään|millään|mitenkään))+\s+(?:jaksa\w*|heräis\w*|herää\w*)",
               r"ei(?:\s+(?:tässä|täs|tästä|enää|niinku|kyllä))*\s+(?:oo|ole)(?:\s+(?:enää|yhtään|niinku))*\s+(?:mitään\s+)?(?:järke\w*|väliä|mieltä)",
               r"(?:helpompi|parempi|helpompaa|parempaa)\s+(?:\w+\s+){0,3}(?:jos|ku|kun|kuin)\s+(?:en|ei|mua|minua|mä)\s+(?:\w+\s+){0,2}(?:olis\w*|ois|heräis\w*|olisi\w*|olemassa)",
               r"e(?:n|t)\s+(?:tiiä|tiedä|tii|tie)\s+(?:kauanko|kuinka\s+kauan|miten\s+kauan|miten)\s+(?:\w+\s+){0,2}jaks\w*",
               r"(?:oon|olen)\s+(?:ihan\s+|aivan\s+|täysin\s+)?loppu(?!\w)", r"(?:oo|ole)\s+(?:enää\s+)?mitään\s+väliä", r"kauanko\s+(?:enää\s+)?jaksan", r"miten\s+(?:enää\s+)?jaksan", r"jaksa\w*\s+enää", r"en\s+jaksa", r"jaksa\s+enää", r"ei\s+(?:oo|ole)\s+mitään\s+järke\w*", r"järke\w*\s+elää", r"elämäl\w*\s+ei\s+(?:oo|ole)", r"haluu?(?:isin)?\s+kuolla", r"kuolla\s+pois", r"tappaa\s+itse\w*", r"päättää\s+(?:päivä\w*|elämä\w*)", r"satuttaa\s+itse\w*", r"vahingoittaa\s+itse\w*", r"en\s+halua(?:isi)?\s+(?:enää\s+)?(?:elää|herätä)", r"ei\s+heräis\w*", r"kadota\s+kokonaan", r"loppuun\s*palan\w*", r"romahta\w*", r"toivoton\w*", r"epätoivo\w*", r"itkenyt", r"itken\s+\w+", r"itsemurh\w*", r"itsetuho\w*", r"en\s+jaksa\s+enää", r"ahdistu\w*", r"masennu\w*", r"paniikki\w*",
               r"(?:ei|ettei|eikä)\s+(?:\w+\s+){0,3}(?:oo|ole|o)\s+enää\s+mitään\s+(?:järke\w*|väliä|mieltä|merkitystä)",
               r"(?:en|enkä)\s+(?:oo|ole|o)\s+nukku\w*\s+(?:kunnolla|yhtään|ollenkaan|juurikaan|viikkoihin|kuukausiin)",
               r"kriisi\w*", r"väkivalta\w*", r"häirin\w*", r"uhkail\w*"],
    "fee": [r"peruutusmaksu\w*", r"maksu\w*", r"veloite\w*", r"hinta\w*", r"laskute\w*"],
}
# a wish to be phoned: the message is a question for a person, not a booking (no "jos", "if" after it)
# "Ennen päätöstä haluaisin tietää:" and a list: what follows is asked, with or without question marks
ASK_LIST = [r"(?:haluaisin|haluaisimme|haluan|haluamme|haluttaisiin)\s+(?:\w+\s+)?tietää(?:\s+\w+){0,3}\s*:", r"kysyisin(?:\s+\w+){0,3}\s*:", r"kysyisimme(?:\s+\w+){0,3}\s*:"]
CALLBACK = [r"pyytäisin\s+soittoa", r"soittopyyn\w*", r"(?:voisitteko|voisiko\s+joku|voitteko)\s+soittaa", r"soittaisitteko",
            r"soittakaa\s+(?:minulle|mulle|meille)(?![\s,]+jos)", r"soitelkaa", r"toivon\s+soittoa", r"soitto\s+(?:minulle|mulle)"]
# mail that asks for credentials or is a bill of another business: "other", whatever dates it carries
PHISHING = [r"vahvista\w*\s+(?:tilisi|tunnuksesi|sähköpostisi|henkilöllisyyte\w*)", r"sähköpostitil\w*", r"tallennustila\w*",
            r"salasana\w*", r"käyttäjätunnu\w*", r"kirjaudu\w*", r"klikkaa\w*", r"poistetaan\s+(?:käytöstä|pysyvästi)",
            r"tilisi\s+(?:suljetaan|poistetaan|lukitaan)", r"alla\s+olevasta\s+linkistä"]
INVOICE = [r"iban", r"bic", r"viitenumero\w*", r"eräpäivä\w*", r"maksuehto\w*", r"y-tunnus", r"viivästyskorko\w*",
           r"laskun\s+numero", r"maksettava\s+yhteensä", r"veroton\s+yhteensä"]
# before a clinician's title: the writer's or her team's job, not a booking of one
JOB_INTRO = [r"olen", r"toimin", r"työskentelen", r"työni\s+on", r"ammatiltani", r"meidän", r"meillä\s+on", r"tiimissäni", r"osastollamme"]
OUT_OF_OFFICE = [r"olen\s+\w*lomalla", r"en(?:kä)?\s+(?:pääse\s+)?lu\w*\s+sähköpost\w*",
                 r"olen\s+(?:koulutuksessa|matkoilla|poissa|työmatkalla)", r"tämä\s+on\s+automaattinen\s+vastaus",
                 r"vastaan\s+(?:viestiisi|sinulle)\s+(?:viimeistään|kun|heti)", r"palattuani", r"palaan\s+\w+\s+\d", r"olen\s+poissa", r"olen\s+lomalla",
                 r"poissa\s+toimistolta", r"en(?:kä)?\s+lue\s+sähköpost\w*", r"palaan\s+(?:töihin|toimistolle)",
                 r"automaattinen\s+vastaus", r"lomailen", r"olen\s+tavoittamattomissa", r"palaan\s+\d"]
LANGUAGE_NAMES = {"fi": [r"suomeksi", r"suomen\s+kiel\w*"], "sv": [r"ruotsiksi", r"ruotsin\s+kiel\w*"],
                  "en": [r"englanniksi", r"englannin\s+kiel\w*"],
                  # a language we have no supervisors for: staff answer
                  "es": [r"espanjaksi"], "ru": [r"venäjäksi"], "et": [r"viroksi"], "de": [r"saksaksi"],
                  "fr": [r"ranskaksi"], "ar": [r"arabiaksi"], "so": [r"somaliksi"], "uk": [r"ukrainaksi"]}
