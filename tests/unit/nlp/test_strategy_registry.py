"""The registry of clause strategies (theodoi.nlp.tasks.registry) and the order config.cfg gives them."""
import pytest

from theodoi.nlp.tasks import registry
from theodoi.nlp.tasks.cue import cue_task


def test_the_config_lists_registered_strategies_in_order():
    from theodoi.nlp.pipeline import pipeline_config
    names = pipeline_config()["components"]["theodoi_tasks"]["strategies"]
    assert registry.strategies(names)[0] is cue_task and set(names) <= set(registry.STRATEGIES)


def test_an_unknown_strategy_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown strategies"):
        registry.strategies(["cue", "guess"])
