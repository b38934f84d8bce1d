-- The schema registry keeps its artifacts in a database of its own.
CREATE DATABASE registry;
