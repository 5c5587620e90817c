"""The officials stage's tokens of one article, built once and shared by its steps.

One layout is read here rather than by a rule: a signed article's byline in capitals
("NGUYỄN VĂN HÙNG, Trưởng Ban Dân vận Tỉnh ủy"). Words in capitals read as abbreviations
everywhere else, so the byline's words are handed to the rules in their capitalised form
("Nguyễn Văn Hùng"), with their offsets unchanged: the name is still reported as written.
"""

from __future__ import annotations

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.context import ArticleContext
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.person_names import province_index
from danvan_nlp.tokens import Token, tokenize, words_at

_BYLINE_WORDS = (2, 5)  # a full name in capitals: two to five words
_TITLE_WITHIN = 6  # tokens after the comma in which a title must start
_BYLINE_POSTS = 30  # tokens of posts a byline line may hold after the name
_SENTENCE_ENDS = frozenset({".", "!", "?", ":"})


def _build(context: ArticleContext) -> list[Token]:
    tokens = unwrapped(tokenize(context.text))
    for start in _byline_starts(tokens):
        end = _capitals_end(tokens, start)
        if _is_byline(tokens, start, end):
            tokens[start:end] = [_capitalised(token) for token in tokens[start:end]]
    return tokens


_WRAPPED_BREAKS = 2  # line breaks inside a sentence that mark a hard-wrapped text


def unwrapped(tokens: list[Token]) -> list[Token]:
    """A hard-wrapped text ("... văn nghệ\nsĩ, trí thức"; "ThS. Phan\nDuy Khiêm") loses the
    line breaks that fall between two words: only when at least two breaks run on into a
    lower-case word, which a page's own lines never do."""
    breaks = [index for index in range(1, len(tokens) - 1)
              if tokens[index].kind == "newline" and tokens[index - 1].kind == "word"
              and tokens[index + 1].kind == "word"]
    if sum(tokens[index + 1].text[0].islower() for index in breaks) < _WRAPPED_BREAKS:
        return tokens
    dropped = set(breaks)
    return [token for index, token in enumerate(tokens) if index not in dropped]


def _byline_starts(tokens: list[Token]) -> list[int]:
    """Where a line opens with a word in capitals."""
    return [index for index, token in enumerate(tokens)
            if (index == 0 or tokens[index - 1].kind == "newline") and token.is_upper_word]


def _capitals_end(tokens: list[Token], start: int) -> int:
    end = start
    while end < len(tokens) and tokens[end].is_upper_word and tokens[end].text.isalpha():
        end += 1
    return end


def _is_byline(tokens: list[Token], start: int, end: int) -> bool:
    """A listed family name first, then a comma, a title a few words on ("LÊ VĂN A, UVTƯ
    Đảng, Bí thư Tỉnh ủy": an abbreviation may come first), and nothing but posts to the end
    of the line. A dateline ("HÀ TĨNH - ...") has a dash and a place, and a sentence goes on
    to its full stop: neither is a byline."""
    low, high = _BYLINE_WORDS
    if not low <= end - start <= high or end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    family = tokens[start].text[:1] + tokens[start].lower[1:]
    if family not in lexicon.surnames() or words_at(tokens, start, province_index()):
        return False
    return _title_follows(tokens, end + 1) and _posts_close_line(tokens, end + 1)


def _posts_close_line(tokens: list[Token], index: int) -> bool:
    """The line ends within a few posts' length, and not with a sentence's full stop."""
    line_end = next((later for later in range(index, len(tokens))
                     if tokens[later].kind == "newline"), len(tokens))
    return line_end - index <= _BYLINE_POSTS and tokens[line_end - 1].text not in _SENTENCE_ENDS


def _title_follows(tokens: list[Token], index: int) -> bool:
    for later in range(index, min(len(tokens), index + _TITLE_WITHIN)):
        if tokens[later].kind == "newline":
            return False
        if pos.title_at(tokens, later):
            return True
    return False


def _capitalised(token: Token) -> Token:
    text = token.text[:1] + token.lower[1:]
    return token._replace(text=text, is_capitalised=True)


def article_tokens(article: Article) -> list[Token]:
    """Tokens of ``article.ntext``, tokenized on the first call for this article."""
    return article.context.memo(_build)


def _build_title_starts(context: ArticleContext) -> list[int]:
    return pos.title_starts(context.memo(_build))


def article_title_starts(article: Article) -> list[int]:
    """Where a title head word starts in :func:`article_tokens`, found once per article
    (the scan of the officials and the NER fallback's search for posts both read it)."""
    return article.context.memo(_build_title_starts)
