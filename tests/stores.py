"""What a store holds, independent of its backend and of the order articles were written in."""

from __future__ import annotations

from dyad.store import Store


def content(location: str) -> dict[str, list[tuple]]:
    """Articles, mentions, quotes, events and candidates, keyed by content (not row ids), sorted."""
    store = Store(location)
    run = store.db.execute
    try:
        return {
            "articles": sorted(
                run(
                    "SELECT content_hash, COALESCE(doc_id, ''), COALESCE(title, ''), "
                    "COALESCE(published, ''), COALESCE(language, ''), flags, text FROM articles"
                )
            ),
            "actors": sorted(
                run(
                    "SELECT key, name, kind, COALESCE(country, ''), COALESCE(sector, ''), "
                    "COALESCE(role, ''), origin FROM actors"
                )
            ),
            "mentions": sorted(
                run(
                    "SELECT a.content_hash, m.start_char, m.end_char, r.key, m.how, COALESCE(m.country, '') "
                    "FROM mentions m JOIN articles a ON a.id = m.article_id "
                    "JOIN actors r ON r.id = m.actor_id"
                )
            ),
            "quotes": sorted(
                run(
                    "SELECT a.content_hash, q.start_char, q.text, COALESCE(r.key, '') FROM quotes q "
                    "JOIN articles a ON a.id = q.article_id LEFT JOIN actors r ON r.id = q.speaker_actor_id"
                )
            ),
            "events": sorted(
                run(
                    "SELECT a.content_hash, e.type, e.start_char, s.key, COALESCE(t.key, ''), e.when_, "
                    "e.negated, e.hypothetical, e.root, e.mutual, COALESCE(e.event_date, ''), e.cameo, "
                    "e.quad_class, e.score "
                    "FROM events e JOIN articles a ON a.id = e.article_id "
                    "JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id"
                )
            ),
            "candidates": sorted(
                run(
                    "SELECT a.content_hash, c.verb, c.sentence FROM candidates c "
                    "JOIN articles a ON a.id = c.article_id"
                )
            ),
        }
    finally:
        store.close()
