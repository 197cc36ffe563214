SELECT tree_size, edge FROM ledger_state WHERE id = 1 {for_update}
