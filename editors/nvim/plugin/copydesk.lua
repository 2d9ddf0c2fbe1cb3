-- :CopydeskQuoteSheet — the current draft's quote sheet beside it. Loads the plugin
-- only when run; the language server itself needs nothing from here.
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

vim.api.nvim_create_user_command("CopydeskQuoteSheet", function()
  require("copydesk").quote_sheet(0)
end, { desc = "copydesk: the quote sheet of the current draft (copydesk speakers)" })
