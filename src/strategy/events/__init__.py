"""The plugin's handlers of MkDocs' events, one module per concern: thin adapters over the
core (``strategy``), called in the order ``strategy.plugin.EVENT_MODULES`` gives."""
