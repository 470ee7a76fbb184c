"""Running a build safely (no Pelican import at this level): the output folder's life cycle
(``folder``) and the Pelican run with German progress and errors (``run``)."""
