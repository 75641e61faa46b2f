# frozen_string_literal: true

RSpec.describe OnlineClinic::AuditEntry do
  fab!(:clinic, :online_clinic)

  before { enable_current_plugin }

  def append(action)
    described_class.append!(clinic, action:, actor_id: clinic.created_by_id, details: {})
  end

  describe ".append!" do
    it "numbers entries without gaps and chains each to the previous one" do
      first = append(:clinic_opened)
      second = append(:client_added)
      expect([first.seq, second.seq]).to eq([1, 2])
      expect(second.prev_hash).to eq(first.entry_hash)
      expect(described_class.verify(clinic.audit_entries.to_a).valid).to eq(true)
    end
  end

  describe "append-only" do
    it "refuses to update a stored entry" do
      entry = append(:clinic_opened)
      expect { entry.update!(action: "clinic_renamed") }.to raise_error(
        ActiveRecord::ReadOnlyRecord,
      )
    end

    it "refuses to destroy a stored entry" do
      entry = append(:clinic_opened)
      expect { entry.destroy }.to raise_error(ActiveRecord::ReadOnlyRecord)
    end
  end

  describe ".verify" do
    it "finds an entry changed behind the model's back" do
      append(:clinic_opened)
      tampered = append(:client_added)
      DB.exec(
        "UPDATE online_clinic_audit_entries SET details = '{\"username\":\"x\"}' WHERE id = :id",
        id: tampered.id,
      )
      verification = described_class.verify(clinic.audit_entries.reload.to_a)
      expect(verification.valid).to eq(false)
      expect(verification.broken_at_seq).to eq(2)
    end
  end
end
