"""The editors' preview (`make serve`): each language built in a process of its
own, kept in memory, and only the pages an edit changes rendered again.

``strategy serve`` starts it: server.py serves the
site with MkDocs' live reload, worker.py builds one language.
"""
