"""Speakers in languages that write names without capitals: Arabic, Hebrew, Hindi, Chinese and Japanese.

With no capital to tell a name, the speaker is the words the sentence puts in the speaker's place next to a verb
of saying, as the text describes them ("وزير الخارجية الإيراني", "ראש העיר משה כהן", "外交部发言人秦刚"): up to
six words after the verb in Arabic and Hebrew (up to "that", a comma or a colon, and before the words that say to
whom, where or how), in Hebrew else the subject before the verb, up to four words before "ने कहा" in Hindi, the
run of characters before 说/表示 in Chinese and before は/が … と述べた in Japanese. A pronoun, a function word,
an addressee or a clause where the speaker should be is no speaker: none is then given.
"""

from __future__ import annotations

import re

# Verbs of saying, and per language where the speaker stands next to one: every pattern has a group "speaker"
_AR_VERB = (
    r"(?:و|ف)?(?:قال|قالت|يقول|تقول|أضاف|اضاف|أضافت|اضافت|أكد|اكد|أكدت|اكدت|صرح|صرحت|أوضح|اوضح|أوضحت|اوضحت|"
    r"تابع|تابعت|أعلن|اعلن|أعلنت|اعلنت|ذكر|ذكرت)"
)
_HE_VERB = r"(?:ו)?(?:אמר|אמרה|אמרו|הוסיף|הוסיפה|מסר|מסרה|הצהיר|הצהירה|טען|טענה|ציין|ציינה|הסביר|הסבירה)"
_WORD = r"[^\s،,:;.!?؟«»\"“”]+"  # a gershayim (״) stays inside a word: "דובר צה״ל"
PATTERNS = {
    "ar": re.compile(
        rf"(?<!\S){_AR_VERB}\s+(?P<speaker>{_WORD}(?:\s+{_WORD}){{0,5}}?)\s*(?:[،,:.!?؟]|\s(?:إن|ان|أن|إنه|انه|أنه|إنها|"
        rf"انها|أنها)(?!\S)|$)"
    ),
    "he": re.compile(
        rf"(?:(?<!\S){_HE_VERB}|(?<!\S)לדברי)\s+(?P<speaker>{_WORD}(?:\s+{_WORD}){{0,5}}?)\s*"
        r"(?:[,:.!?]|\s(?:כי(?!\S)|ש(?:הוא|היא|הם|הן|זה|אין|יש|לא|ה))|$)"
    ),
    "hi": re.compile(rf"(?<!\S)(?P<speaker>{_WORD}(?:\s+{_WORD}){{0,3}})\s+ने\s+(?:कहा|बताया)(?![^\W\d_])"),
    "zh": re.compile(
        r"(?:^|(?<=[，。、：；“”「」！？\s]))(?P<speaker>[\u4e00-\u9fff·]{2,12}?)(?:也|还|则)?(?:(?<!小)说|表示|称|指出|强调)"
    ),
    "ja": re.compile(
        r"(?:^|(?<=[、。「」\s]))(?P<speaker>[^、。「」\s]{2,15}?)(?:は|が)[、\s]*(?=[^。]{0,80}?"
        r"と(?:述べ|語っ|話し|説明し|強調し|明らかにし))"
    ),
}
# Hebrew also puts the subject first, perhaps with an aside: "סלח אל-חומיידי, כתב תימני, אמר לרויטרס"
BEFORE = {
    "he": re.compile(
        rf"(?:^|[,.:]\s*)(?P<speaker>{_WORD}(?:\s+{_WORD}){{0,3}})(?:\s*,[^,.:]{{1,60}},)?\s+{_HE_VERB}(?![^\s:,])"
    )
}
LANGUAGES = frozenset(PATTERNS)
VERBS = {
    "ar": re.compile(rf"(?<!\S){_AR_VERB}(?!\S)"),
    "he": re.compile(rf"(?<!\S)(?:{_HE_VERB}|לדברי)(?!\S)"),
    "hi": re.compile(r"\sने\s+(?:कहा|बताया)(?![^\W\d_])"),
    "zh": re.compile(r"(?<!小)说|表示|称|指出|强调"),
    "ja": re.compile(r"と(?:述べ|語っ|話し|説明し|強調し|明らかにし)"),
}
# Pronouns and words that start a clause or a complement, not a speaker: "وقال إن", "אמר ש…", "他说", "彼は"
NOT_SPEAKERS = {
    "ar": re.compile(
        r"^(?:إن|ان|أن|إنه|انه|أنه|إنها|انها|أنها|ل|لل|في|على|عن|من|هو|هي|هم|بعد|إلى|الى|يقول|تقول|كذلك|أيضا|ايضا)"
        r"(?:\s|$)|^لل"
    ),
    # a word written with ל ("to") is whom the words were said to: "אמר לרויטרס" (a name such as ליברמן is lost)
    "he": re.compile(
        rf"^(?:כי|הוא|היא|הם|הן|אני|אנחנו|אתמול|היום|גם|מתי)(?:\s|$)|^ש(?:ה|הוא|היא|הם|הן|זה|אין|יש|לא)|^ל|^כש|^{_HE_VERB}"
        r"|^ב(?:נאום|ראיון|הודעה|שיחה)"
    ),
    "hi": re.compile(r"^(?:उन्होंने|उसने|मैंने|हमने|इसने|उस|इस)(?:\s|$)"),
    "zh": re.compile(r"^[他她它我你]|^(?:据|对|向)"),
    "ja": re.compile(r"^(?:彼|彼女|私|我々|これ|それ)"),
}
# Where a described speaker ends: the words after it say to whom, where or how ("الوزير للصحفيين", "ראש הממשלה
# בישיבת הממשלה", "秦刚在记者会上"); in Hindi the speaker starts after a postposition ("पूछे जाने पर मंत्री")
ENDS = {
    "ar": re.compile(r"\s(?:لل\S*|في|خلال|أمام|امام|قائلا|قائلة|مضيفا|مضيفة|اليوم|أمس|امس|يوم)(?:\s|$).*"),
    "he": re.compile(
        r"\s(?:במהלך|בישיבת|בראיון|בהודעה|בשיחה|במסיבת|לכתבים|לעיתונאים|היום|אתמול|בעמוד|"
        r"ו(?:הוסיף|הוסיפה|אמר|אמרה|ציין|ציינה)|ש\S+)(?:\s|$).*"
    ),
    "zh": re.compile(r"(?:在|对|向|接受).*"),
}
STARTS = {"hi": re.compile(r"^.*\s(?:पर|से|में|को|के|की|का)\s")}


def described(code: str, outside: str) -> str | None:
    """The speaker a verb of saying puts next to itself in ``outside`` (the sentence with its quotations blanked
    out), as the text words it; None when that place holds a pronoun, a function word or nothing."""
    outside = re.sub(r"\s+", " ", outside)  # a blanked quotation is one space: Japanese looks past it
    for match in [*PATTERNS[code].finditer(outside), *(BEFORE[code].finditer(outside) if code in BEFORE else ())]:
        speaker = match.group("speaker").strip()
        if code in ENDS:
            speaker = ENDS[code].sub("", speaker)
        if code in STARTS:
            speaker = STARTS[code].sub("", speaker)
        if len(speaker) >= 2 and any(c.isalpha() for c in speaker) and not NOT_SPEAKERS[code].search(speaker):
            return speaker
    return None
