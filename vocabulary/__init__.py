"""The bottom layer: the words every room of the project shares.

It holds the one error type editors see (``errors``), French typography constants and helpers
(``french``), and the « vouliez-vous dire … ? » suggestions and hints written once (``hints``).

It imports only the standard library: ``calculators/``, ``macros/`` and ``publication/`` may all
import it, and it imports none of them.
"""
