package io.onramp.domain;

/** A field of a command that breaks a rule, worded for the person who sent it. */
public record Violation(String field, String error) {}
