"""Services: the only way the command line and the window read and change data.

Each service is a function taking the ``Store`` first and keyword arguments,
checks the actor's role itself, and writes through ``Store.write()``.
"""
