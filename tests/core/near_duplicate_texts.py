"""Articles for the near-duplicate tests: one story, its edited copies, and another writer's story on
the same events (same names, figures and quotes, other words)."""

from __future__ import annotations

ORIGINAL = """Council votes to close two libraries as budget gap widens

Harbourside council voted on Thursday to close two of its seven public libraries next spring, saying it had no other way to close a budget gap of 4.2 million pounds without cutting social care.

The libraries in Eastgate and Millbrook will shut at the end of March. Together they lent about 96,000 books last year, according to council figures, and employ eleven staff, who will be offered jobs at the remaining branches.

"Nobody on this council wanted to make this decision," said councillor Priya Raman, who leads on culture. "We looked at every line of the budget. The alternative was to cut home visits for older people, and I was not prepared to do that." She said the mobile library van would add stops in both areas from April.

Campaigners said the figures did not tell the whole story. Tom Hadley, who chairs the Friends of Millbrook Library, said the branch was the only place in the area with free internet access and that it ran a homework club used by more than 60 children every week. "These are not just buildings full of books. They are the last public rooms we have left," he said.

The council's own consultation, which closed in September, received 3,400 responses, and 81 percent of them opposed the closures. Officers told the meeting that the savings from closing both branches would be about 610,000 pounds a year, once the cost of the extra van stops was taken into account.

Opposition councillors proposed keeping the branches open for three days a week, run partly by volunteers. That amendment was defeated by 27 votes to 19. The final decision passed by 28 votes to 18, with one abstention.

The national libraries charity Reading Counts said more than 180 branches had closed across the country in the past five years. Its director, Helen Osei, said councils were being forced to choose between statutory services and everything else. "Libraries are a statutory service too, but they are the easiest to cut quietly," she said.

The council will publish plans for the two buildings in January. Both are owned by the council, and officers said one option was to lease them to community groups.
"""

# Another paper's story on the same vote: the same names, figures and quotes, written by someone else.
SAME_TOPIC = """Two Harbourside libraries to shut in spring after council vote

Library users in Eastgate and Millbrook will lose their local branches in March after Harbourside council approved the closures on Thursday night by 28 votes to 18.

The council says the move will save around 610,000 pounds a year, a small share of the 4.2 million pound shortfall it must close before April. Eleven library workers will be moved to other branches rather than made redundant, officials said.

Priya Raman, the councillor responsible for culture, told the chamber that the only alternative was reducing home visits for elderly residents. "Nobody on this council wanted to make this decision," she said, adding that a mobile library would start visiting both neighbourhoods in April.

Opponents were unconvinced. At the Millbrook branch on Friday morning, parents collecting children from the weekly homework club said they had not been told what would replace it. Tom Hadley of the Friends of Millbrook Library called the buildings "the last public rooms we have left" and said the group would look at legal options.

More than four in five of the 3,400 people who answered the council's consultation were against the plan. A compromise from opposition members, which would have kept both branches open three days a week with volunteer help, fell by 27 votes to 19.

Reading Counts, a charity that campaigns for public libraries, says 180 branches have shut nationally in five years. Helen Osei, its director, said libraries were a statutory service that was easy to cut quietly.

Plans for the future of the two buildings are due in January.
"""

PARAGRAPH = """Several residents who spoke at the meeting said they had only learned of the plans from a local newsletter. One of them, a retired teacher from Eastgate, said the branch had been her only regular reason to leave the house since her husband died, and asked councillors whether anyone had counted what that was worth.
"""


def with_changed_word(text: str = ORIGINAL) -> str:
    """One word changed (a figure corrected)."""
    assert "27 votes to 19" in text
    return text.replace("27 votes to 19", "26 votes to 19")


def with_added_paragraph(text: str = ORIGINAL) -> str:
    """A paragraph added before the last one."""
    head, last = text.rstrip("\n").rsplit("\n\n", 1)
    return f"{head}\n\n{PARAGRAPH}\n{last}\n"


def with_other_quotes_and_spacing(text: str = ORIGINAL) -> str:
    """Curly quotes, a dash for a comma, lines re-wrapped: the same words (a different content hash)."""
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out).replace(", said", " \u2014 said").replace(". ", ".\n   ")
