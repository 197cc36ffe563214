SELECT run_key, key, value FROM params WHERE run_key = @owner AND key {in @keys}
