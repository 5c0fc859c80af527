"""Tests of ThinQ Voice."""
