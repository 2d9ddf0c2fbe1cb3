--- copydesk's language server for Neovim 0.11+: with this folder on the runtime
--- path (any plugin manager adds it) and `copydesk` on PATH (pipx install copydesk,
--- or :MasonInstall copydesk), the whole set-up is
---
---   vim.lsp.enable("copydesk")
---
--- Override any field with vim.lsp.config("copydesk", { … }); `settings.copydesk`
--- is what the server reads through workspace/configuration (rules, languages,
--- debounceMs, maxDocumentBytes). require("copydesk").setup() starts from these
--- same values.
---@type vim.lsp.Config
return {
  cmd = { "copydesk", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { "copydesk.toml", ".git" },
  settings = { copydesk = {} },
}
