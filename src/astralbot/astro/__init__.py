"""The astro engine: pure, synchronous chart computation (see `natal.compute_chart`)."""
