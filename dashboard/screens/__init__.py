"""The page modules of pages.PAGES: each renders one page when Streamlit runs it (never imported)."""
