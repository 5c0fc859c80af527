"""Tests of ha."""
