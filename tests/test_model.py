"""The article model: an article's identity."""

import hashlib

from dyad.model import Article


def test_identity_is_the_text_with_whitespace_folded():
    text = "Pakistan closed the Torkham crossing.\n\nOfficials said it would stay shut."
    spaced = " Pakistan\u00a0closed  the\tTorkham crossing.\r\n Officials said it would\u3000stay shut.\n"
    folded = "Pakistan closed the Torkham crossing. Officials said it would stay shut."
    # the stored identity of every article: it must not change between versions
    assert Article("", text=text).content_hash == hashlib.sha256(folded.encode()).hexdigest()
    assert Article("", text=spaced).content_hash == Article("", text=text).content_hash
    assert Article("", text=text.replace("shut", "open")).content_hash != Article("", text=text).content_hash
