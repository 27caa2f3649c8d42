"""Load every guardrail rule file ahead of the first message."""

from __future__ import annotations


def warm_up() -> None:
    """Load, validate and compile every guardrail rule file now instead of on the first message.

    About a second of regex compilation; call it in a background thread at start-up.
    """
    from guardrails.output import output_rules
    from guardrails.pii import pii_rules
    from guardrails.policy import load_policy
    from guardrails.replies import reply_texts
    from guardrails.screen import crisis_rules, request_rules, scope_rules

    for load in (crisis_rules, request_rules, scope_rules, output_rules, pii_rules, load_policy, reply_texts):
        load()
