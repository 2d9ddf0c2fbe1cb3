--- :checkhealth copydesk — is the server there, which version, which config.
local M = {}

function M.check()
  local health = vim.health
  health.start("copydesk")
  local exe = require("copydesk").server_cmd()[1]
  if vim.fn.executable(exe) ~= 1 then
    health.error(
      ("`%s` not found"):format(exe),
      { "Install it with `pipx install copydesk` (or `uv tool install copydesk`, `:MasonInstall copydesk`,",
        "`cargo install --locked copydesk`), or give its full path:",
        "vim.lsp.config('copydesk', { cmd = { '/path/to/copydesk', 'lsp' } })" }
    )
  else
    local version = vim.trim(vim.fn.system({ exe, "--version" }))
    if vim.v.shell_error == 0 then
      health.ok(("%s (%s)"):format(version, vim.fn.exepath(exe)))
    else
      health.warn(("`%s --version` failed: %s"):format(exe, version))
    end
  end
  -- The health report is a buffer of its own: start from the draft behind it, if
  -- any, else from the working directory.
  local draft = vim.fn.expand("#:p")
  local start = vim.fn.filereadable(draft) == 1 and vim.fs.dirname(draft) or vim.fn.getcwd()
  local config = vim.fs.find("copydesk.toml", { upward = true, path = start })[1]
  if config then
    health.ok("config: " .. config)
  else
    health.info("no copydesk.toml above " .. start .. " (defaults in force)")
  end
end

return M
