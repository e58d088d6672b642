"""Two short articles per language about one invented event (a dam failing in a small town), written for these
tests: the same facts in each language, so that every language gets the same checks."""

from __future__ import annotations

STORIES: dict[str, tuple[str, str]] = {
    "fr": (
        "Le barrage de Valfleuri a cédé mardi avant l'aube et l'eau a inondé 300 maisons en aval. "
        "La préfecture a ouvert un centre d'accueil dans le gymnase municipal pour les familles évacuées. "
        "Le barrage avait été jugé en mauvais état lors d'une inspection en 2024, mais les travaux n'avaient "
        "jamais commencé.",
        "Environ 300 habitations ont été inondées après la rupture du barrage de Valfleuri mardi matin. "
        "Les secours ont évacué les habitants des quartiers bas pendant toute la journée. "
        "Selon la préfecture, les réparations prévues depuis 2024 n'avaient pas débuté.",
    ),
    "de": (
        "Der Staudamm von Talbach ist am Dienstag vor Sonnenaufgang gebrochen und hat 300 Häuser überflutet. "
        "Die Behörden haben in der Turnhalle der Stadt eine Notunterkunft für die evakuierten Familien "
        "eingerichtet. Bei einer Inspektion im Jahr 2024 war der Damm als mangelhaft eingestuft worden, doch die "
        "Reparaturen hatten nie begonnen.",
        "Nach dem Bruch des Staudamms von Talbach am Dienstagmorgen stehen rund 300 Häuser unter Wasser. "
        "Die Rettungskräfte haben den ganzen Tag über die Bewohner der tiefer gelegenen Viertel evakuiert. "
        "Nach Angaben der Behörden waren die seit 2024 geplanten Reparaturen nicht begonnen worden.",
    ),
    "es": (
        "La presa de Valdeflores se rompió el martes antes del amanecer y el agua inundó 300 casas río abajo. "
        "Las autoridades abrieron un refugio en el polideportivo municipal para las familias evacuadas. "
        "La presa había sido calificada en mal estado en una inspección de 2024, pero las obras nunca "
        "comenzaron.",
        "Unas 300 viviendas quedaron inundadas tras la rotura de la presa de Valdeflores el martes por la mañana. "
        "Los equipos de rescate evacuaron durante todo el día a los vecinos de los barrios bajos. "
        "Según las autoridades, las reparaciones previstas desde 2024 no se habían iniciado.",
    ),
    "it": (
        "La diga di Valfiorita ha ceduto martedì prima dell'alba e l'acqua ha allagato 300 case a valle. "
        "La prefettura ha aperto un centro di accoglienza nella palestra comunale per le famiglie evacuate. "
        "La diga era stata giudicata in cattivo stato durante un'ispezione nel 2024, ma i lavori non erano mai "
        "cominciati.",
        "Circa 300 abitazioni sono state allagate dopo il crollo della diga di Valfiorita martedì mattina. "
        "I soccorritori hanno evacuato per tutta la giornata gli abitanti dei quartieri più bassi. "
        "Secondo la prefettura, le riparazioni previste dal 2024 non erano mai state avviate.",
    ),
    "ru": (
        "Плотина в городе Светлорецк прорвалась во вторник до рассвета, и вода затопила 300 домов ниже по "
        "течению. Власти открыли пункт временного размещения в городском спортивном зале для эвакуированных "
        "семей. Во время проверки в 2024 году плотина была признана находящейся в плохом состоянии, но ремонт "
        "так и не начался.",
        "Около 300 домов оказались затоплены после прорыва плотины в Светлорецке во вторник утром. "
        "Спасатели весь день эвакуировали жителей низинных районов города. "
        "По словам властей, ремонт, запланированный ещё в 2024 году, так и не был начат.",
    ),
    "ar": (
        "انهار سد مدينة الوادي الأخضر يوم الثلاثاء قبل الفجر وغمرت المياه 300 منزل في المناطق المنخفضة. "
        "وفتحت السلطات مركز إيواء في الصالة الرياضية البلدية للعائلات التي تم إجلاؤها. "
        "وكان السد قد صنف في حالة سيئة خلال تفتيش أجري عام 2024 لكن أعمال الإصلاح لم تبدأ أبدا.",
        "غمرت المياه نحو 300 منزل بعد انهيار سد الوادي الأخضر صباح يوم الثلاثاء. "
        "وقامت فرق الإنقاذ بإجلاء سكان الأحياء المنخفضة طوال اليوم. "
        "وقالت السلطات إن أعمال الإصلاح المقررة منذ عام 2024 لم تبدأ بعد.",
    ),
    "el": (
        "Το φράγμα της Πρασινόβρυσης κατέρρευσε την Τρίτη πριν από την αυγή και το νερό πλημμύρισε 300 σπίτια. "
        "Οι αρχές άνοιξαν κέντρο φιλοξενίας στο δημοτικό γυμναστήριο για τις οικογένειες που απομακρύνθηκαν. "
        "Το φράγμα είχε κριθεί σε κακή κατάσταση σε επιθεώρηση του 2024, αλλά οι εργασίες δεν ξεκίνησαν ποτέ.",
        "Περίπου 300 σπίτια πλημμύρισαν μετά την κατάρρευση του φράγματος της Πρασινόβρυσης την Τρίτη το πρωί. "
        "Τα σωστικά συνεργεία απομάκρυναν όλη την ημέρα τους κατοίκους των χαμηλών συνοικιών. "
        "Σύμφωνα με τις αρχές, οι επισκευές που είχαν προγραμματιστεί από το 2024 δεν είχαν ξεκινήσει.",
    ),
    "zh": (
        "绿谷镇的水坝在星期二黎明前决堤，洪水淹没了下游的三百座房屋。"
        "当局在市体育馆为撤离的家庭开设了临时安置点。"
        "这座水坝在二零二四年的检查中被评为状况不佳，但维修工程一直没有开始。",
        "星期二早上绿谷镇水坝决堤后，大约三百座房屋被洪水淹没。"
        "救援人员整天都在疏散低洼地区的居民。"
        "据当局说，自二零二四年以来计划的维修工程一直没有启动。",
    ),
    "hi": (
        "हरितपुर शहर का बांध मंगलवार को सुबह होने से पहले टूट गया और पानी ने 300 घरों को डुबो दिया। "
        "प्रशासन ने निकाले गए परिवारों के लिए नगर के खेल भवन में एक राहत शिविर खोला। "
        "वर्ष 2024 के निरीक्षण में बांध को खराब हालत में बताया गया था, लेकिन मरम्मत का काम कभी शुरू नहीं हुआ।",
        "मंगलवार सुबह हरितपुर बांध टूटने के बाद लगभग 300 घर पानी में डूब गए। "
        "बचाव दल पूरे दिन निचले इलाकों के निवासियों को निकालते रहे। "
        "प्रशासन के अनुसार 2024 से प्रस्तावित मरम्मत का काम शुरू नहीं हुआ था।",
    ),
}

SWAHILI = (
    "Serikali ya kaunti imetangaza leo kwamba bwawa lilipasuka Jumanne asubuhi na maji yakafika mjini ndani ya "
    "saa moja, kwa mujibu wa maafisa wa kaunti waliozungumza na waandishi wa habari."
)
